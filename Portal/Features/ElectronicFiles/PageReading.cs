using Portal.Domain.ElectronicFiles;

namespace Portal.Features.ElectronicFiles;

public static class PageReading
{
    /// <summary>OCR of scanned pages (Tesseract), and its line on /health.</summary>
    public static IServiceCollection AddPageReading(this IServiceCollection services)
    {
        services.AddSingleton<IPageReader, TesseractPageReader>();
        services.AddHealthChecks().AddCheck<OcrHealthCheck>("ocr");
        return services;
    }
}
