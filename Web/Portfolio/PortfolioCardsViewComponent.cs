using Microsoft.AspNetCore.Mvc;
using Sourcing.Analyzer.Workloads;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Workloads;

namespace Sourcing.Web.Portfolio;

/// <summary>
/// The overview's portfolio cards (mapping coverage, classification coverage, systems out of
/// support, portfolio by recommendation). A view component so the overview page model stays as it is.
/// </summary>
public sealed class PortfolioCardsViewComponent(WorkloadStore workloads, AssessmentStore assessments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool showMapping, bool showClassification, bool showPortfolio)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var rows = await PortfolioReader.LoadAsync(workloads, assessments, cancellationToken);
        var model = new PortfolioCards(
            showMapping ? await workloads.CoverageAsync(cancellationToken) : null,
            showClassification,
            showPortfolio,
            rows.Count,
            rows.Count(r => r.Workload.Confidentiality is not null),
            rows.Count(r => r.WorstSupport == SupportStatus.Unsupported),
            rows.Count(r => r.WorstSupport == SupportStatus.ExtendedOnly),
            rows.Any(r => r.Status is not null)
                ? PortfolioReader.RecommendationKeys.Select(k => (k, rows.Count(r => r.RecommendationKey == k))).Where(x => x.Item2 > 0).ToList()
                : []);
        return View(model);
    }
}
