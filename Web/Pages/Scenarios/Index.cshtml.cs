using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Analyzer.Planning;
using Sourcing.Collector.Planning;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Scenarios;

[Authorize(Policy = Policies.Sourcing)]
public sealed class IndexModel(PlanningService planning, TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<IndexModel> logger) : PageModel
{
    // A scenario file is a few kilobytes; anything far larger is a mistake or an attack.
    private const long MaxUploadBytes = 1_000_000;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Scenario> Templates { get; } = DemoScenarios.Create();

    public string? Error { get; private set; }

    /// <summary>How many scenarios the board sees now.</summary>
    public int BoardCount => Rows.Count(r => r.Summary.BoardPosition is not null);

    public sealed record Row(ScenarioSummary Summary, Scenario Scenario, int Moves, double FreedFte, double NominalDifferenceMkr, bool HasErrors, double SurplusFteYears);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, int template, CancellationToken cancellationToken)
    {
        var startYear = time.GetUtcNow().Year + 1;
        Scenario scenario;
        if (template > 0 && template <= Templates.Count)
        {
            scenario = DemoScenarios.Create(startYear)[template - 1];
            if (!string.IsNullOrWhiteSpace(name))
            {
                scenario = scenario with { Name = name.Trim() };
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                Error = text["Scenarios.NameRequired"];
                await LoadAsync(cancellationToken);
                return Page();
            }

            scenario = new Scenario { Name = name.Trim(), Owner = User.Identity?.Name ?? "", StartYear = startYear, HorizonYears = 5 };
        }

        if (await planning.Store.GetAsync(scenario.Name, cancellationToken) is not null)
        {
            Error = text["Scenarios.NameTaken", scenario.Name];
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Saving over a deleted scenario's name would end its restore window without a word.
        if ((await planning.Store.ListDeletedAsync(cancellationToken)).Any(d => d.Name == scenario.Name))
        {
            Error = text["Scenarios.NameDeleted", scenario.Name];
            await LoadAsync(cancellationToken);
            return Page();
        }

        await planning.Store.SaveAsync(scenario, cancellationToken);
        logger.LogInformation("User {User} created scenario {Scenario}", User.Identity?.Name, scenario.Name);
        return RedirectToPage("Edit", new { name = scenario.Name });
    }

    /// <summary>Puts the scenario on the board (last), moves it up or down in the board's order, or takes it off.</summary>
    public async Task<IActionResult> OnPostBoardAsync(string name, string? move, CancellationToken cancellationToken)
    {
        var board = (await planning.Store.BoardAsync(cancellationToken)).Select(s => s.Name).ToList();
        var at = board.IndexOf(name);
        switch (move)
        {
            case "add" when at < 0 && board.Count < ScenarioStore.MaxOnBoard && await planning.Store.GetAsync(name, cancellationToken) is not null:
                board.Add(name);
                break;
            case "up" when at > 0:
                (board[at - 1], board[at]) = (board[at], board[at - 1]);
                break;
            case "down" when at >= 0 && at < board.Count - 1:
                (board[at + 1], board[at]) = (board[at], board[at + 1]);
                break;
            case "remove" when at >= 0:
                board.RemoveAt(at);
                break;
            default:
                return RedirectToPage();
        }

        await planning.Store.SetBoardOrderAsync(board, cancellationToken);
        logger.LogInformation("User {User} set the board's scenarios to {Board}", User.Identity?.Name, string.Join(" | ", board));
        TempData["Message"] = board.Count == 0 ? text["Scenarios.BoardEmpty"].Value : text["Scenarios.BoardMessage", string.Join(", ", board.Select((n, i) => (i + 1) + ". " + n))].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetExportAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await planning.Store.GetAsync(name, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        var bytes = Encoding.UTF8.GetBytes(ScenarioJson.Serialize(stored.Scenario));
        return File(bytes, "application/json", FileName(name) + ".json");
    }

    /// <summary>The scenario list as the page computes it (each scenario's plan and forecast run now).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("scenarier", time),
            ["name", "owner", "board_position", "start_year", "end_year", "moves", "freed_fte", "net_cost_mkr", "surplus_fte_years", "has_errors"],
            Rows.Select(r => new object?[]
            {
                r.Summary.Name, r.Summary.Owner, r.Summary.BoardPosition, r.Scenario.StartYear, r.Scenario.EndYear, r.Moves, r.FreedFte,
                r.NominalDifferenceMkr, r.SurplusFteYears, r.HasErrors,
            }), cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > MaxUploadBytes)
        {
            Error = text["Scenarios.ImportNoFile"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        string json;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        try
        {
            var scenario = ScenarioJson.Deserialize(json);
            await planning.Store.SaveAsync(scenario, cancellationToken);
            logger.LogInformation("User {User} imported scenario {Scenario}", User.Identity?.Name, scenario.Name);
            TempData["Message"] = text["Scenarios.Imported", scenario.Name].Value;
            return RedirectToPage();
        }
        catch (ScenarioFormatException e)
        {
            Error = text["Scenarios.ImportFailed", e.Message];
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>A file name made of letters, digits and dashes only.</summary>
    internal static string FileName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var result = builder.ToString().Trim('-');
        return result.Length == 0 ? "scenario" : result[..Math.Min(result.Length, 80)];
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var summaries = await planning.Store.ListAsync(cancellationToken);
        var estate = await planning.EstateAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var summary in summaries)
        {
            var stored = await planning.Store.GetAsync(summary.Name, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            var result = PlanningService.Run(stored.Scenario, estate, await planning.PricesAsync(stored.Scenario, cancellationToken), complete: false);
            rows.Add(new Row(summary, stored.Scenario, result.Plan.Moves.Count, result.Forecast.FinalFreedFte,
                result.Forecast.NominalDifferenceMkr, result.Plan.HasErrors, result.Forecast.SurplusFteYears));
        }

        Rows = rows;
    }
}
