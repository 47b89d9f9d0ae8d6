using System.Net;
using System.Text.RegularExpressions;

namespace Sourcing.Tests.Web;

/// <summary>
/// Every page of the portfolio, settings and estate in Swedish: no English words of the interface
/// and no raw identifiers (snake_case keys, C# property names) in the visible text.
/// </summary>
[Collection("Web")]
public sealed partial class SwedishPagesTests(WebAppFixture app)
{
    /// <summary>Words of an English interface that have no place on a Swedish page.</summary>
    private static readonly string[] EnglishWords =
    [
        "the", "and", "field", "required", "invalid", "value", "save", "cancel", "edit", "delete", "settings", "weights",
        "source", "rule", "blocked", "allowed", "policy rule", "unverified", "research", "multiplier", "score",
        "supplier", "version history", "not found", "error", "must", "should", "please", "yes", "no",
    ];

    public static TheoryData<string, string> Pages => new()
    {
        { "sourcing", "/Settings" },
        { "sourcing", "/Settings/Rule?id=K3-POLICY" },
        { "sourcing", "/Settings/Rule" },
        { "sourcing", "/Settings/Parameters/weights" },
        { "sourcing", "/Settings/Parameters/effort" },
        { "sourcing", "/Settings/History" },
        { "sourcing", "/Suppliers?add=true" },
        { "sourcing", "/Systems" },
        { "sourcing", "/Systems/Detail?id={system}" },
        { "drift", "/Inventory" },
        { "drift", "/Inventory/Trend" },
        { "drift", "/" },
        { "drift", "/Sources" },
        { "drift", "/Scans" },
        { "drift", "/Users" },
        { "drift", "/Inventory/Resource/{vm}" },
        { "sourcing", "/Mapping" },
        { "sourcing", "/Mapping/Hand" },
        { "sourcing", "/Imports" },
        { "sourcing", "/Scenarios" },
        { "sourcing", "/Scenarios/Deleted" },
        { "sourcing", "/Scenarios/Delete/" + Uri.EscapeDataString(PlanningSeed.Calm) },
        { "ledning", "/Forecast" },
        { "ledning", "/Forecast/Compare" },
        { "ledning", "/Forecast/Sensitivity" },
        { "ledning", "/Reports/Board" },
        { "ledning", "/Forecast/Decision" },
        { "ledning", "/Economics" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_InSwedish_HasNoEnglishWordsOrRawIdentifiers(string user, string path)
    {
        using var client = await app.SignedInAsync(user);
        path = path.Replace("{vm}", app.ScriptVmId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{system}", app.SystemId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var html = await client.GetStringAsync(path);
        var text = VisibleText(html);

        var english = EnglishWords.Where(w => Regex.IsMatch(text, $@"(?<![\p{{L}}-]){Regex.Escape(w)}(?![\p{{L}}-])", RegexOptions.IgnoreCase)).ToList();
        var identifiers = Identifier().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(english.Count == 0 && identifiers.Count == 0,
            $"{path}: English words [{string.Join(", ", english)}], raw identifiers [{string.Join(", ", identifiers)}]");
    }

    /// <summary>The text a reader sees: no scripts, styles, tags, attribute values or links' addresses.</summary>
    private static string VisibleText(string html)
    {
        var body = Regex.Replace(html, "<(script|style|template)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        body = Regex.Replace(body, "<[^>]+>", " ");
        body = WebUtility.HtmlDecode(body);
        // Links shown as text (source links show the host) and e-mail-like texts are not words.
        return Regex.Replace(body, @"https?://\S+|\b[\w.-]+\.(se|nu|com|org|net|eu|no|de|fi|fr|io|uk|be)\b", " ");
    }

    /// <summary>snake_case keys and PascalCase identifiers joined from two or more words ("TwentyFourSevenMultiplier").</summary>
    [GeneratedRegex(@"\b[a-z]+_[a-z_]+\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+){2,}\b")]
    private static partial Regex Identifier();
}
