namespace Portal.Features.Agencies;

/// <summary>Per circuit: tells the menu's inbox badge to count again after the user acknowledged something.</summary>
public sealed class NoticeBadge
{
    public event Action? Changed;

    public void Refresh() => Changed?.Invoke();
}
