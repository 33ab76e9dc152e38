using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using ThiDua.Core.Access;

namespace ThiDua.Bot.Desk;

/// <summary>
/// A page of the desk for someone signed in: without a session it sends the browser to the sign-in page and
/// renders nothing else. What the page shows is what <see cref="DeskContext"/> (the core's rules) lets this person see.
/// </summary>
public abstract class DeskPage : ComponentBase
{
    [CascadingParameter] public HttpContext Http { get; set; } = default!;
    [Inject] public DeskContext Desk { get; set; } = default!;
    [Inject] public NavigationManager Navigation { get; set; } = default!;

    /// <summary>Who is signed in; null only while the browser is being sent to sign in.</summary>
    protected Actor? Me { get; private set; }

    /// <summary>What the last step said (done, refused), carried back to the page it was taken on.</summary>
    protected string? Outcome => Http.Request.Query["kq"].ToString() is { Length: > 0 } kq ? kq : null;

    protected sealed override void OnInitialized()
    {
        Me = Desk.Who(Http);
        if (Me is null)
        {
            Navigation.NavigateTo("/desk/signin");
            return;
        }
        Load(Me);
    }

    protected abstract void Load(Actor person);

    /// <summary>A page that does not exist for this person: 404, whether it exists for someone else or not at all.</summary>
    protected void NotFound() => Http.Response.StatusCode = StatusCodes.Status404NotFound;
}
