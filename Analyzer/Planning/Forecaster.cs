using System.Globalization;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The reallocation forecast: year by year, how much drift work leaves, where the people go, and
/// what the scenario costs against continuing as today, like for like. Pure and deterministic: no
/// clock, no randomness, and the loops run over the plan's groups in their fixed order.
/// The phases: staff prices → what moves and what it costs at its destination → the in-house cost
/// pools (<see cref="CostModel"/>) → the people channels → the years, present value and ESV view.
/// </summary>
public static class Forecaster
{
    private const double Epsilon = 1e-6;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The forecast; with <c>withBreakEven</c> also the break-even managed price (a few more runs; the sensitivity analysis leaves it out).</summary>
    public static Forecast Run(CompiledPlan plan, PlanningAssumptions? assumptions = null, bool withBreakEven = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var a = assumptions ?? PlanningAssumptions.ForScenario(plan.Scenario);
        var forecast = RunOnce(plan, a);
        return withBreakEven ? forecast with { BreakEvenManagedPrice = BreakEvenManagedPrice(plan, a, forecast) } : forecast;
    }

    private static Forecast RunOnce(CompiledPlan plan, PlanningAssumptions a)
    {
        var scenario = plan.Scenario;
        var horizon = Math.Clamp(scenario.HorizonYears, 0, Scenario.MaxHorizon);
        var productiveHours = a.ProductiveHours;
        var hoursPerVm = productiveHours / a.VmsPerOpsFte;
        var hoursPerPhysical = productiveHours / a.PhysicalServersPerOpsFte;
        var warnings = new List<PlanIssue>();

        // Without a head count from the scenario or the estate, today's drift staff is what the systems' effort needs.
        var driftToday = scenario.People.DriftFteToday ?? plan.Estate.DriftFte
            ?? (plan.TotalKnownHours + plan.TotalUnknownVms * hoursPerVm + plan.TotalUnknownPhysical * hoursPerPhysical) / productiveHours;
        var devToday = scenario.People.DevelopmentFteToday ?? plan.Estate.DevelopmentFte ?? 0;

        // Phase 1: a loaded FTE-year per year, salaries indexed from their base year to each year.
        var opsCost = new double[horizon];
        var devCost = new double[horizon];
        for (var t = 0; t < horizon; t++)
        {
            var wageIndex = Math.Pow(1 + a.Wage, scenario.StartYear - a.SalaryYear + t);
            opsCost[t] = a.SalaryOps * 12 * (1 + a.OnCost) * wageIndex;
            devCost[t] = a.SalaryDev * 12 * (1 + a.OnCost) * wageIndex;
        }

        // Phase 2: what moves, and what it costs where it goes.
        var moves = Destinations(plan, a, horizon, hoursPerVm, hoursPerPhysical, warnings);

        // Phase 3: the in-house cost pools on both sides.
        var pools = CostModel.Run(plan, a, horizon);

        // Phase 4 and 5: people, then the year rows.
        var years = People(plan, a, horizon, driftToday, devToday, opsCost, devCost, moves, pools, warnings);

        double nominal = 0, npv = 0;
        for (var t = 0; t < years.Count; t++)
        {
            nominal += years[t].LikeForLikeDifference;
            // Fixed prices: take out inflation, then discount at the real rate; the start year is not discounted.
            npv += years[t].LikeForLikeDifference / Math.Pow(1 + a.InflationRate, t) / Math.Pow(1 + a.Discount, t);
        }

        return new Forecast
        {
            ScenarioName = scenario.Name,
            StartYear = scenario.StartYear,
            HorizonYears = scenario.HorizonYears,
            DriftFteToday = driftToday,
            DevelopmentFteToday = devToday,
            Years = years,
            Waves = plan.Waves,
            Issues = [.. plan.Issues, .. warnings],
            NominalDifference = nominal,
            Npv = npv,
            Calibration = pools.Calibration,
        };
    }

    private sealed class MoveSums(int horizon, int contracts)
    {
        public double[,] MovedFteByContract { get; } = new double[contracts, horizon];
        public double[,] RunCostByContract { get; } = new double[contracts, horizon];
        public double[] MovedHours { get; } = new double[horizon];
        public double[] Supplier { get; } = new double[horizon];
        public double[] Cloud { get; } = new double[horizon];
        public double[] Saas { get; } = new double[horizon];
        public double[] Transition { get; } = new double[horizon];
        public double[] Consultants { get; } = new double[horizon];
        public int[] SystemsMoving { get; } = new int[horizon];
    }

    private static MoveSums Destinations(CompiledPlan plan, PlanningAssumptions a, int horizon, double hoursPerVm, double hoursPerPhysical, List<PlanIssue> warnings)
    {
        var contracts = plan.Contracts.Count;
        var sums = new MoveSums(horizon, contracts);
        var shapePrices = new double[plan.Shapes.Count];
        for (var i = 0; i < shapePrices.Length; i++)
        {
            // With Hybrid Benefit the region brings its Windows licence: the cloud server is priced as Linux.
            var shape = plan.Shapes[i];
            var priced = a.HybridBenefit && shape.Windows ? shape with { Windows = false } : shape;
            shapePrices[i] = plan.Prices.MonthlyPrice(priced) * a.CloudFactor * (1 - a.Reservation);
        }

        var contract24x7 = new double[contracts, horizon];
        var ownHoursDue = new double[horizon];
        double saasUnknown = 0;
        foreach (var group in plan.Aggregates)
        {
            if (group.YearIndex >= horizon)
            {
                continue;
            }

            var groupHours = group.KnownHours + group.UnknownVms * hoursPerVm + group.UnknownPhysical * hoursPerPhysical;
            // IaaS still leaves the OS to someone: only the share the cloud takes over leaves drift.
            var moved = group.Destination == Destination.PublicCloud ? groupHours * (1 - a.CloudResidual) : groupHours;
            var monthly = MonthlyRunCost(plan, group, a, shapePrices);
            var indexed = group.Destination is Destination.SwedishManaged or Destination.Saas;
            saasUnknown += group.SaasUnknownCount;

            for (var t = group.YearIndex; t < horizon; t++)
            {
                var share = t == group.YearIndex ? group.FirstYearFraction : 1.0;
                sums.MovedHours[t] += moved * share;
                var cost = monthly * 12 * share * (indexed ? Math.Pow(1 + a.Price, t) : 1);
                switch (group.Destination)
                {
                    case Destination.SwedishManaged:
                        sums.Supplier[t] += cost;
                        break;
                    case Destination.PublicCloud:
                        sums.Cloud[t] += cost;
                        break;
                    case Destination.Saas:
                        sums.Saas[t] += cost;
                        break;
                }

                if (group.Contract >= 0)
                {
                    sums.MovedFteByContract[group.Contract, t] += moved * share / a.ProductiveHours;
                    sums.RunCostByContract[group.Contract, t] += cost;
                    if (group.TwentyFourSeven && group.Destination == Destination.SwedishManaged)
                    {
                        contract24x7[group.Contract, t] = Math.Max(contract24x7[group.Contract, t], share);
                    }
                }
            }

            var y = group.YearIndex;
            sums.SystemsMoving[y] += (int)group.Systems;
            var oneOffHours = group.Method switch
            {
                TransitionMethod.Rehost => group.Servers * a.RehostHours,
                TransitionMethod.Replatform => group.Systems * a.ReplatformHours,
                TransitionMethod.Replace => group.Systems * a.ReplaceHours,
                _ => group.Systems * a.RetireHours,
            };
            var priceIndex = indexed ? Math.Pow(1 + a.Price, y) : 1;
            // Own staff are already paid: their hours are taken from drift capacity (below), not paid again.
            ownHoursDue[y] += oneOffHours * a.OwnMigration;
            var consultants = oneOffHours * (1 - a.OwnMigration) * a.ConsultantRate * Math.Pow(1 + a.Price, y);
            sums.Consultants[y] += consultants;
            sums.Transition[y] += consultants;
            // Dual running: the new service is paid for while the old one still runs; booked in the
            // wave's year even when the overlap starts in the year before.
            sums.Transition[y] += monthly * priceIndex * a.DualMonths;
            if (group.Contract >= 0)
            {
                // Each wave is a new call-off: its procurement costs a share of the value it adds.
                sums.Transition[y] += a.Transaction * monthly * 12 * priceIndex;
            }
        }

        // The 24×7 commitment is a fee per contract, not per server.
        for (var c = 0; c < contracts; c++)
        {
            for (var t = 0; t < horizon; t++)
            {
                sums.Supplier[t] += contract24x7[c, t] * a.ManagedContractFee * 12 * Math.Pow(1 + a.Price, t);
                sums.RunCostByContract[c, t] += contract24x7[c, t] * a.ManagedContractFee * 12 * Math.Pow(1 + a.Price, t);
            }
        }

        // Migration by own staff delays what is freed: hours spent moving are not yet free; what a
        // year cannot absorb carries over to the next.
        double carry = 0;
        for (var t = 0; t < horizon; t++)
        {
            var due = ownHoursDue[t] + carry;
            var taken = Math.Min(due, sums.MovedHours[t]);
            sums.MovedHours[t] -= taken;
            carry = due - taken;
        }

        if (saasUnknown > 0)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0:N0} system saknar SaaS-pris; {1:N0} kr/år per system antas.", saasUnknown, a.SaasDefault)));
        }

        return sums;
    }

    private static List<ForecastYear> People(CompiledPlan plan, PlanningAssumptions a, int horizon, double driftToday, double devToday,
        double[] opsCost, double[] devCost, MoveSums moves, CostModel.Result pools, List<PlanIssue> warnings)
    {
        var scenario = plan.Scenario;
        var contracts = plan.Contracts.Count;
        var isManaged = new bool[contracts];
        for (var c = 0; c < contracts; c++)
        {
            isManaged[c] = plan.Contracts[c].Destination == Destination.SwedishManaged;
        }

        var transferredByContract = new double[contracts];
        var retainedByContract = new double[contracts];
        var retrainedCohorts = new double[horizon];
        var retirementShare = a.Attrition > 0 ? Math.Min(a.Retirement, a.Attrition) / a.Attrition : 0;
        var roles = NormalisedRoles(scenario.People.TargetRoles);
        var years = new List<ForecastYear>(horizon);
        double previousMoved = 0, previousSurplus = 0, attritionPlaced = 0, retrained = 0, transferred = 0, cumulative = 0;

        for (var t = 0; t < horizon; t++)
        {
            var movedFte = moves.MovedHours[t] / a.ProductiveHours;
            double retainedFte = 0, transferredNow = 0;
            for (var c = 0; c < contracts; c++)
            {
                var m = moves.MovedFteByContract[c, t];
                // Each contract keeps its own orderers: a share of the work it took; an outsourced
                // operation contract never fewer than the minimum (a supplier manager) once it runs.
                retainedByContract[c] = m > Epsilon ? Math.Max(a.Retained * m, isManaged[c] ? a.RetainedMin : 0) : 0;
                retainedFte += retainedByContract[c];
                if (isManaged[c])
                {
                    // 6 b § LAS: staff follow the work to a hosting supplier; clouds and SaaS vendors take no one.
                    // A transfer cannot be undone, so the stock never shrinks.
                    var target = Math.Clamp(a.Transfer * m, 0, Math.Max(0, m - retainedByContract[c]));
                    var next = Math.Max(transferredByContract[c], target);
                    transferredNow += next - transferredByContract[c];
                    transferredByContract[c] = next;
                }
            }

            transferred += transferredNow;
            // People freed from drift who stay with the region and need a new place.
            var freedPeople = movedFte - retainedFte - transferred;
            var unplaced = freedPeople - attritionPlaced - retrained;

            // Retraining first: moving people into development is the point of the exercise, but
            // only the retrainable share of the freed staff can go that way.
            var retrainNow = Math.Max(0, Math.Min(a.Retrainable * Math.Max(freedPeople, 0) - retrained, unplaced));
            retrained += retrainNow;
            retrainedCohorts[t] = retrainNow;
            unplaced -= retrainNow;

            // Then attrition: whoever leaves the operations staff this year is not replaced while
            // freed people can take over the post. Capacity not used this year is lost (the post is refilled).
            var attritionCapacity = Math.Max(0, a.Attrition * (driftToday - previousMoved + previousSurplus));
            var attritionNow = Math.Max(0, Math.Min(attritionCapacity, unplaced));
            attritionPlaced += attritionNow;
            unplaced -= attritionNow;

            var surplus = Math.Max(0, unplaced);
            var year = scenario.StartYear + t;
            Warn(warnings, year, surplus, unplaced, movedFte, driftToday);

            double inTraining = 0;
            for (var k = 0; k <= t; k++)
            {
                inTraining += retrainedCohorts[k] * Math.Clamp(a.TrainingMonths / 12 - (t - k), 0, 1);
            }

            // Retrained people take development posts; posts left by attrition become development
            // posts as far as the scenario redirects them, the rest is not refilled (a saving).
            var devAdded = retrained + a.Redirect * attritionPlaced;
            var devFte = devToday + devAdded;
            var driftFte = driftToday - movedFte;
            var staffCost = (driftFte + surplus) * opsCost[t];
            var retainedCost = retainedFte * devCost[t];
            var retraining = retrainNow * a.RetrainingCost * Math.Pow(1 + a.Wage, t);
            var transition = moves.Transition[t] + retraining;

            // EquaTerra's governance share includes the people; the retained organisation's salaries
            // are already counted above, so only what the share leaves over is added (tools, advisers).
            double governance = 0;
            for (var c = 0; c < contracts; c++)
            {
                governance += Math.Max(0, a.Governance * moves.RunCostByContract[c, t] - retainedByContract[c] * devCost[t]);
            }

            var costByPool = new Dictionary<string, PoolCost>(StringComparer.Ordinal)
            {
                [CostPools.Get(CostPool.DriftStaff).Key] = new(driftToday * opsCost[t], staffCost),
            };
            double poolsBaseline = 0, poolsScenario = 0;
            var esvBaseline = new double[6];
            var esvScenario = new double[6];
            esvBaseline[(int)EsvCategory.OwnStaff] += driftToday * opsCost[t];
            esvScenario[(int)EsvCategory.OwnStaff] += staffCost + retainedCost + retraining;
            foreach (var info in CostPools.All.Skip(1))
            {
                var p = (int)info.Pool;
                var cost = new PoolCost(pools.Baseline[p, t], pools.Scenario[p, t]);
                costByPool[info.Key] = cost;
                poolsBaseline += cost.Baseline;
                poolsScenario += cost.Scenario;
                esvBaseline[(int)info.Esv] += cost.Baseline;
                esvScenario[(int)info.Esv] += cost.Scenario;
            }

            var baseline = driftToday * opsCost[t] + poolsBaseline;
            var total = staffCost + poolsScenario + retainedCost + moves.Supplier[t] + moves.Cloud[t] + moves.Saas[t] + transition + governance;
            esvScenario[(int)EsvCategory.ExternalServices] += moves.Supplier[t] + moves.Cloud[t] + moves.Saas[t] + (moves.Transition[t] - moves.Consultants[t]);
            esvScenario[(int)EsvCategory.Consultants] += moves.Consultants[t] + governance;
            cumulative += total - baseline;

            // ESV's view holds development too: today's posts on both sides, the added ones on the scenario's.
            var devStaffBaseline = devToday * devCost[t];
            var devStaffScenario = devFte * devCost[t];
            esvBaseline[(int)EsvCategory.OwnStaff] += devStaffBaseline;
            esvScenario[(int)EsvCategory.OwnStaff] += devStaffScenario;
            var esv = new Dictionary<string, PoolCost>(StringComparer.Ordinal);
            foreach (var category in Enum.GetValues<EsvCategory>())
            {
                esv[CostPools.EsvLabel(category)] = new(esvBaseline[(int)category], esvScenario[(int)category]);
            }

            years.Add(new ForecastYear
            {
                Year = year,
                SystemsMoving = moves.SystemsMoving[t],
                MovedDriftHours = moves.MovedHours[t],
                MovedDriftFte = movedFte,
                DriftFte = driftFte,
                UtvecklingFte = devFte,
                InRetrainingFte = inTraining,
                BestallarFte = retainedFte,
                FreedFte = movedFte - retainedFte,
                TransferredFte = transferredNow,
                LeftByRetirementFte = attritionNow * retirementShare,
                LeftByAttritionFte = attritionNow * (1 - retirementShare),
                RetrainedFte = retrainNow,
                SurplusFte = surplus,
                Roles = [.. roles.Select(r => new RoleFte(r.Role, devAdded * r.Share))],
                InternalStaffCost = staffCost,
                RetainedCost = retainedCost,
                SupplierCost = moves.Supplier[t],
                CloudCost = moves.Cloud[t],
                SaasCost = moves.Saas[t],
                TransitionCost = transition,
                GovernanceCost = governance,
                ScenarioCost = total,
                BaselineCost = baseline,
                LikeForLikeDifference = total - baseline,
                CumulativeDifference = cumulative,
                CostByPool = costByPool,
                RedirectedPostsCost = devAdded * devCost[t],
                DevelopmentStaffCost = devStaffScenario,
                CostByEsvCategory = esv,
                // Säkerställa = operating IT; the rest is change (transition) and development staff.
                SecureShareBaseline = Share(baseline, baseline + devStaffBaseline),
                SecureShareScenario = Share(total - transition, total + devStaffScenario),
            });
            previousMoved = movedFte;
            previousSurplus = surplus;
        }

        return years;
    }

    private static double Share(double part, double whole) => whole > 0 ? part / whole : 0;

    private static void Warn(List<PlanIssue> warnings, int year, double surplus, double unplaced, double movedFte, double driftToday)
    {
        if (surplus > 0.05)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0}: {1:N1} FTE frigörs utan att pensionering, personalomsättning, omskolning eller verksamhetsövergång kan ta emot dem (övertalighet).",
                year, surplus)));
        }

        if (unplaced < -0.05)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0}: beställarorganisationen kräver {1:N1} FTE mer än flytten frigör; de måste rekryteras.", year, -unplaced)));
        }

        if (movedFte > driftToday + Epsilon)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0}: flyttad driftinsats ({1:N1} FTE) är större än dagens drift ({2:N1} FTE); kontrollera driftinsatsen.",
                year, movedFte, driftToday)));
        }
    }

    /// <summary>
    /// The business-hours managed price (the 24×7 price scaled with it) at which the nominal
    /// like-for-like difference over the horizon is zero. The difference is piecewise linear in
    /// the price (governance has a floor), so a few secant steps find it to well under a krona.
    /// </summary>
    private static double? BreakEvenManagedPrice(CompiledPlan plan, PlanningAssumptions a, Forecast at)
    {
        if (!plan.Aggregates.Any(g => g.Destination == Destination.SwedishManaged && g.YearIndex < plan.Scenario.HorizonYears) || a.ManagedBusiness <= 0)
        {
            return null;
        }

        var ratio = a.Managed24x7 / a.ManagedBusiness;
        double Difference(double price) => price == a.ManagedBusiness
            ? at.NominalDifference
            : RunOnce(plan, a.With(ParameterKeys.ManagedPriceBusinessHours, price).With(ParameterKeys.ManagedPrice24x7, price * ratio)).NominalDifference;

        double x0 = a.ManagedBusiness, f0 = Difference(x0);
        double x1 = x0 + 1_000, f1 = Difference(x1);
        for (var i = 0; i < 8 && Math.Abs(f1) > 0.01; i++)
        {
            if (Math.Abs(f1 - f0) < 1e-9)
            {
                return null;
            }

            var x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
            (x0, f0) = (x1, f1);
            x1 = x2;
            f1 = Difference(x1);
        }

        return x1;
    }

    /// <summary>The monthly price of a group at today's prices.</summary>
    private static double MonthlyRunCost(CompiledPlan plan, MoveAggregate group, PlanningAssumptions a, double[] shapePrices)
    {
        switch (group.Destination)
        {
            case Destination.SwedishManaged:
                return group.Servers * (group.TwentyFourSeven ? a.Managed24x7 : a.ManagedBusiness);
            case Destination.Saas:
                return (group.SaasKnown + group.SaasUnknownCount * a.SaasDefault) / 12;
            case Destination.PublicCloud:
                double sum = 0;
                foreach (var (shape, count) in group.ShapeCounts)
                {
                    sum += shapePrices[shape] * count;
                }

                // Disks are paid for every moved server, powered on or not; backup for every server, monitoring for running ones.
                return sum + group.CloudDiskGib * plan.Prices.DiskSekPerGibMonth
                    + group.CloudServers * plan.Prices.BackupSekPerVmMonth
                    + group.CloudRunningServers * plan.Prices.MonitoringSekPerVmMonth;
            default:
                return 0;
        }
    }

    private static List<TargetRole> NormalisedRoles(IReadOnlyList<TargetRole> roles)
    {
        var total = roles.Sum(r => Math.Max(0, r.Share));
        return total <= 0 ? [] : [.. roles.Select(r => r with { Share = Math.Max(0, r.Share) / total })];
    }
}
