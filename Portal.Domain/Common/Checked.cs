namespace Portal.Domain.Common;

/// <summary>The outcome of validating user input: either a normalised value or a message to show beside the field.</summary>
public readonly record struct Checked<T>(T? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static Checked<T> Ok(T value) => new(value, null);

    public static Checked<T> Fail(string error)
    {
        // A null error would read as success.
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(default, error);
    }
}
