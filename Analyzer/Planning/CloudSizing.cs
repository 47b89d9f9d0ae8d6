using System.Globalization;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// How the running servers that move to public cloud were sized: <see cref="RightSized"/> by their
/// measured use (p95 × <see cref="Headroom"/>), <see cref="ConfiguredSize"/> by their configured
/// size for want of samples. <see cref="Sentence"/> is the one wording every page and file shows.
/// </summary>
public sealed record CloudSizing(int RightSized, int ConfiguredSize, double Headroom)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public int Servers => RightSized + ConfiguredSize;

    /// <summary>The Swedish sentence, e.g. "1 240 av 1 500 servrar … (95:e percentilen × 1,3); 260 har för lite mätdata …"; null when no server moves to public cloud.</summary>
    public string? Sentence()
    {
        if (Servers == 0)
        {
            return null;
        }

        if (RightSized == 0)
        {
            return string.Format(Swedish,
                "{0:N0} {1} flyttar till publikt moln; ingen har tillräckligt med mätdata (minst {2} dagar), så konfigurerad storlek används.",
                Servers, Noun(Servers), RightSizing.MinimumDays);
        }

        var measured = string.Format(Swedish,
            "{0:N0} av {1:N0} {3} som flyttar till publikt moln dimensioneras efter uppmätt användning (95:e percentilen × {2:0.0#})",
            RightSized, Servers, Headroom, Noun(Servers));
        return ConfiguredSize == 0
            ? measured + "."
            : measured + string.Format(Swedish,
                "; {0:N0} har för lite mätdata (under {1} dagar) och räknas med konfigurerad storlek.", ConfiguredSize, RightSizing.MinimumDays);
    }

    private static string Noun(int count) => count == 1 ? "server" : "servrar";
}
