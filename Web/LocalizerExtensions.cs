using Microsoft.Extensions.Localization;

namespace Sourcing.Web;

public static class LocalizerExtensions
{
    /// <summary>The text for <c>prefix + value</c> (e.g. "Kind.vm" → "VM"), or the value itself when there is none (a new vendor value shows as-is).</summary>
    public static string Label(this IStringLocalizer localizer, string prefix, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "–";
        }

        var text = localizer[prefix + value];
        return text.ResourceNotFound ? value : text.Value;
    }
}
