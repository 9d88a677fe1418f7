using Portal.Domain.Common;

namespace Portal.Domain.Contracts;

/// <summary>Turns a contract's paper into its PDF. The host supplies the engine (headless Chromium).</summary>
public interface IContractPdf
{
    /// <summary>False on a machine without the engine: callers refuse before taking a contract number.</summary>
    bool IsAvailable { get; }

    /// <summary>The PDF's bytes; throws a <see cref="DomainException"/> saying what to install when there is no engine.</summary>
    Task<byte[]> RenderAsync(ContractPaper paper, CancellationToken ct = default);
}

public static class PdfEngine
{
    /// <summary>The message for a machine without a PDF engine, naming the package to install and the setting to point at it.</summary>
    public static DomainException Missing() => DomainException.Of("Pdf.EngineMissing");

    /// <summary>The message for Production without <c>Portal:PublicUrl</c>: a paper's QR code would point to the wrong address.</summary>
    public static DomainException PublicUrlMissing() => DomainException.Of("Pdf.PublicUrlMissing");

    /// <summary>The message for an engine that failed on a document (details are in the log).</summary>
    public static DomainException Failed() => DomainException.Of("Pdf.Failed");
}
