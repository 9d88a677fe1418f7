namespace Portal.Domain.Common;

/// <summary>
/// A record found by typed text. <see cref="SearchText"/> is a stored column holding <see cref="SearchKey.Join"/> of
/// <see cref="SearchedFields"/>; the context recomputes it on every save, so no method that changes a field can forget it,
/// and the list queries compare <c>SearchText.Contains(SearchKey.Of(typed))</c> in SQL.
/// </summary>
public interface ISearchable
{
    string SearchText { get; }

    IEnumerable<string?> SearchedFields();
}
