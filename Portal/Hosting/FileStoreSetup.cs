using Portal.Domain.Common.Files;

namespace Portal.Hosting;

/// <summary>
/// The file store configuration chooses (<c>Files:Store</c>): <c>Local</c>, a folder (<c>Files:Root</c>; on several
/// servers, a path they all mount), or <c>S3</c>, a bucket of an S3-compatible service (<c>Files:S3:*</c>).
/// </summary>
public static class FileStoreSetup
{
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var kind = config["Files:Store"];
        if (string.IsNullOrWhiteSpace(kind) || kind.Equals("Local", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(contentRoot, config["Files:Root"] ?? "App_Data/files")));
            return services;
        }
        if (!kind.Equals("S3", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Files:Store is \"{kind}\": it must be Local (a folder, Files:Root) or S3 (a bucket, Files:S3:*).");

        var s3 = config.GetSection("Files:S3");
        string Required(string key) => s3[key] is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"Files:Store is S3 but Files:S3:{key} is not set (see appsettings.sample.json).");
        var options = new S3FileStoreOptions
        {
            ServiceUrl = Required("ServiceUrl"),
            Bucket = Required("Bucket"),
            AccessKey = Required("AccessKey"),
            SecretKey = Required("SecretKey"),
            ForcePathStyle = s3.GetValue("ForcePathStyle", true),
            Region = s3["Region"] is { Length: > 0 } region ? region : "us-east-1",
            CacheRoot = Path.Combine(contentRoot, s3["CacheRoot"] is { Length: > 0 } cache ? cache : "App_Data/file-cache"),
            CacheBytes = s3.GetValue("CacheMegabytes", 2048L) * 1_048_576,
        };
        services.AddSingleton<IFileStore>(_ => new S3FileStore(options));
        return services;
    }
}
