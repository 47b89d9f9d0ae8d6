using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sourcing.Web.Pages;

/// <summary>
/// What a person sees instead of an empty page when a request ends in an error status without a body (an unknown
/// address, a wrong method): a Swedish page with the original status code kept. Pages under /api are left alone.
/// Anonymous: it names no data, and a signed-out person mistyping an address gets it too.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}
