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

    /// <summary>Runs of the seeded simulation behind <see cref="Forecast.Range"/>.</summary>
    public const int SimulationRuns = 200;

    /// <summary>The fixed seed: the same inputs give the same range on every page and in every file.</summary>
    public const int SimulationSeed = 20_261_207;

    /// <summary>
    /// The forecast; with <c>withBreakEven</c> also the break-even values and the P10–P90 range (a
    /// few hundred more runs of the yearly loop; the sensitivity analysis and the simulation itself
    /// leave them out).
    /// </summary>
    public static Forecast Run(CompiledPlan plan, PlanningAssumptions? assumptions = null, bool withBreakEven = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var a = assumptions ?? PlanningAssumptions.ForScenario(plan.Scenario);
        var forecast = RunOnce(plan, a);
        if (!withBreakEven)
        {
            return forecast;
        }

        return forecast with
        {
            BreakEvenManagedPrice = BreakEven(plan, a, forecast, Destination.SwedishManaged),
            BreakEvenCloudPriceFactor = BreakEven(plan, a, forecast, Destination.PublicCloud),
            Range = Simulate(plan, a, SimulationRuns, SimulationSeed),
        };
    }

    /// <summary>
    /// The seeded simulation: every parameter with a documented range is drawn from a triangular
    /// distribution (low, the value in force, high); the others keep their value.
    /// </summary>
    public static ForecastRange Simulate(CompiledPlan plan, PlanningAssumptions a, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(a);
        var random = new Random(seed);
        var ranged = PlanningDefaults.All
            .Select(p => (p.Key, Value: a[p.Key], Range: p.RangeAround(a[p.Key])))
            .Where(p => p.Range is not null)
            .ToList();
        var dev = new double[runs];
        var npv = new double[runs];
        var nominal = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var values = new Dictionary<string, double>(a.Values, StringComparer.Ordinal);
            foreach (var (key, value, range) in ranged)
            {
                values[key] = Triangular(random.NextDouble(), range!.Value.Low, Math.Clamp(value, range.Value.Low, range.Value.High), range.Value.High);
            }

            var run = RunOnce(plan, new PlanningAssumptions(values));
            dev[i] = run.Years.Count > 0 ? run.Years[^1].DevelopmentFteGained : 0;
            npv[i] = run.Npv;
            nominal[i] = run.NominalDifference;
        }

        return new ForecastRange(runs, seed, Percentiles(dev), Percentiles(npv), Percentiles(nominal));
    }

    private static double Triangular(double u, double low, double mode, double high)
    {
        if (high <= low)
        {
            return low;
        }

        var split = (mode - low) / (high - low);
        return u < split
            ? low + Math.Sqrt(u * (high - low) * (mode - low))
            : high - Math.Sqrt((1 - u) * (high - low) * (high - mode));
    }

    private static Percentiles Percentiles(double[] values)
    {
        if (values.Length == 0)
        {
            return new(0, 0, 0);
        }

        var sorted = values.Order().ToArray();
        double At(double p)
        {
            var position = p * (sorted.Length - 1);
            var below = (int)Math.Floor(position);
            var above = Math.Min(below + 1, sorted.Length - 1);
            return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
        }

        return new(At(0.1), At(0.5), At(0.9));
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

        years = UnsupportedOs(plan, years);
        double nominal = 0, npv = 0;
        for (var t = 0; t < years.Count; t++)
        {
            nominal += years[t].LikeForLikeDifference;
            // Fixed prices: take out inflation, then discount at the real rate; the start year is not discounted.
            npv += years[t].LikeForLikeDifference / Math.Pow(1 + a.InflationRate, t) / Math.Pow(1 + a.Discount, t);
        }

        double devYears = 0, net = 0;
        foreach (var y in years)
        {
            devYears += y.DevelopmentFteYearsGained;
            net += y.LikeForLikeDifference + y.RedirectedPostsCost;
        }

        var reinvestment = new Reinvestment(
            devYears,
            devYears > 0.01 ? net / devYears : null,
            horizon > 0 ? (devCost[0] * a.Tenure + a.RecruitmentCost) / Math.Max(0.1, a.Tenure - a.Vacancy / 12) : 0,
            a.ConsultantRate * a.ProductiveHours,
            years.Count > 0 ? Math.Max(0, -years[^1].LikeForLikeDifference / devCost[years.Count - 1]) : 0);

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
            Reinvestment = reinvestment,
            CloudSizing = new CloudSizing(plan.RightSizedServers, plan.ConfiguredSizeServers, a.Headroom),
        };
    }

    private sealed class MoveSums(int horizon, int contracts)
    {
        /// <summary>Drift FTE no longer needed in each quarter (a rate), after own staff's migration hours.</summary>
        public double[] MovedFteByQuarter { get; } = new double[horizon * 4];
        public double[,] MovedFteByContractQuarter { get; } = new double[contracts, horizon * 4];
        public double[,] RunCostByContract { get; } = new double[contracts, horizon];
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
        var listPrices = plan.ListPrices(a.Headroom, a.HybridBenefit);
        var shapePrices = new double[listPrices.Length];
        for (var i = 0; i < shapePrices.Length; i++)
        {
            shapePrices[i] = listPrices[i] * a.CloudFactor * (1 - a.Reservation);
        }

        var contract24x7 = new double[contracts, horizon];
        var ownHoursDue = new double[horizon * 4];
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

            // The move frees its drift work from the first day of its quarter.
            var startQuarter = group.YearIndex * 4 + group.StartQuarter - 1;
            for (var q = startQuarter; q < horizon * 4; q++)
            {
                sums.MovedFteByQuarter[q] += moved / a.ProductiveHours;
                if (group.Contract >= 0)
                {
                    sums.MovedFteByContractQuarter[group.Contract, q] += moved / a.ProductiveHours;
                }
            }

            for (var t = group.YearIndex; t < horizon; t++)
            {
                var share = t == group.YearIndex ? group.FirstYearFraction : 1.0;
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
            ownHoursDue[startQuarter] += oneOffHours * a.OwnMigration;
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
        // quarter cannot absorb carries over to the next.
        double carry = 0;
        var hoursPerQuarter = a.ProductiveHours / 4;
        for (var q = 0; q < horizon * 4; q++)
        {
            var due = ownHoursDue[q] + carry;
            var taken = Math.Min(due, sums.MovedFteByQuarter[q] * hoursPerQuarter);
            sums.MovedFteByQuarter[q] -= taken / hoursPerQuarter;
            carry = due - taken;
        }

        if (saasUnknown > 0)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0:N0} system saknar SaaS-pris; {1:N0} kr/år per system antas.", saasUnknown, a.SaasDefault)));
        }

        return sums;
    }

    /// <summary>
    /// The people channels, quarter by quarter: a move frees its drift work on its date; a transfer
    /// (6 b § LAS) is one event per contract on that date; the retrainable share starts one cohort
    /// then, paid once per person; attrition works pro rata each quarter on the people still in
    /// drift. Each year reports FTE-years within the year (quarter averages) and head counts at
    /// year end.
    /// </summary>
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

        var quarters = horizon * 4;
        var transferredByContract = new double[contracts];
        var retainedByContract = new double[contracts];
        var retainedByContractYear = new double[contracts];
        var cohorts = new double[quarters];
        var surplusByQuarter = new double[quarters];
        var retirementShare = a.Attrition > 0 ? Math.Min(a.Retirement, a.Attrition) / a.Attrition : 0;
        var trainingQuarters = a.TrainingMonths / 3;
        var roles = NormalisedRoles(scenario.People.TargetRoles);
        var years = new List<ForecastYear>(horizon);
        double previousMoved = 0, previousSurplus = 0, attritionPlaced = 0, retrained = 0, transferred = 0, cumulative = 0;
        var sum = new YearSums();

        for (var q = 0; q < quarters; q++)
        {
            var t = q / 4;
            var movedFte = moves.MovedFteByQuarter[q];
            double retainedFte = 0, transferredNow = 0;
            for (var c = 0; c < contracts; c++)
            {
                var m = moves.MovedFteByContractQuarter[c, q];
                // Each contract keeps its own orderers: a share of the work it took; an outsourced
                // operation contract never fewer than the minimum (a supplier manager) once it runs.
                retainedByContract[c] = m > Epsilon ? Math.Max(a.Retained * m, isManaged[c] ? a.RetainedMin : 0) : 0;
                retainedByContractYear[c] += retainedByContract[c] / 4;
                retainedFte += retainedByContract[c];
                if (isManaged[c])
                {
                    // 6 b § LAS: staff follow the work to a hosting supplier on the transfer date; clouds and
                    // SaaS vendors take no one. A transfer cannot be undone, so the stock never shrinks.
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
            // only the retrainable share of the freed staff can go that way. One cohort per date.
            var retrainNow = Math.Max(0, Math.Min(a.Retrainable * Math.Max(freedPeople, 0) - retrained, unplaced));
            retrained += retrainNow;
            cohorts[q] = retrainNow;
            unplaced -= retrainNow;

            // Then attrition, a quarter of the yearly rate on the people still in drift: whoever leaves
            // is not replaced while freed people can take the post. Unused capacity is lost (the post is refilled).
            var attritionCapacity = Math.Max(0, a.Attrition / 4 * (driftToday - previousMoved + previousSurplus));
            var attritionNow = Math.Max(0, Math.Min(attritionCapacity, unplaced));
            attritionPlaced += attritionNow;
            unplaced -= attritionNow;

            var surplus = Math.Max(0, unplaced);
            surplusByQuarter[q] = surplus;
            double inTraining = 0;
            for (var k = 0; k <= q; k++)
            {
                inTraining += cohorts[k] * Math.Clamp(trainingQuarters - (q - k), 0, 1);
            }

            // Retrained people take development posts; posts left by attrition become development
            // posts as far as the scenario redirects them, the rest is not refilled (a saving).
            var devAdded = retrained + a.Redirect * attritionPlaced;
            sum.Add(movedFte, driftToday - movedFte, devToday + devAdded, devAdded, retainedFte, surplus, inTraining, unplaced);
            sum.Transferred += transferredNow;
            sum.Retrained += retrainNow;
            sum.LeftRetirement += attritionNow * retirementShare;
            sum.LeftOther += attritionNow * (1 - retirementShare);
            previousMoved = movedFte;
            previousSurplus = surplus;

            if (q % 4 != 3)
            {
                continue;
            }

            // Year end: FTE-years are the quarter averages; head counts are this quarter's state.
            var year = scenario.StartYear + t;
            Warn(warnings, year, sum.MaxSurplus, sum.MinUnplaced, sum.MaxMoved, driftToday);
            var staffCost = (sum.Drift + sum.Surplus) / 4 * opsCost[t];
            var retainedCost = sum.Retained / 4 * devCost[t];
            var retraining = sum.Retrained * a.RetrainingCost * Math.Pow(1 + a.Wage, t);
            var transition = moves.Transition[t] + retraining;

            // EquaTerra's governance share includes the people; the retained organisation's salaries
            // are already counted above, so only what the share leaves over is added (tools, advisers).
            double governance = 0;
            for (var c = 0; c < contracts; c++)
            {
                governance += Math.Max(0, a.Governance * moves.RunCostByContract[c, t] - retainedByContractYear[c] * devCost[t]);
                retainedByContractYear[c] = 0;
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
            var devStaffScenario = sum.Dev / 4 * devCost[t];
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
                MovedDriftHours = sum.Moved / 4 * a.ProductiveHours,
                MovedDriftFte = sum.Moved / 4,
                DriftFte = sum.Drift / 4,
                UtvecklingFte = sum.Dev / 4,
                InRetrainingFte = sum.InTraining / 4,
                BestallarFte = sum.Retained / 4,
                FreedFte = (sum.Moved - sum.Retained) / 4,
                TransferredFte = sum.Transferred,
                LeftByRetirementFte = sum.LeftRetirement,
                LeftByAttritionFte = sum.LeftOther,
                RetrainedFte = sum.Retrained,
                SurplusFte = sum.Surplus / 4,
                Roles = [.. roles.Select(r => new RoleFte(r.Role, devAdded * r.Share))],
                DriftHeadcount = driftToday - movedFte + surplus,
                DevelopmentHeadcount = devToday + devAdded,
                RetainedHeadcount = retainedFte,
                InTrainingFte = inTraining,
                TransferredPersons = sum.Transferred,
                LeftPersons = sum.LeftRetirement + sum.LeftOther,
                SurplusPersons = Persons(surplus),
                DevelopmentFteGained = devAdded,
                DevelopmentFteYearsGained = sum.DevAdded / 4,
                RetrainingCost = retraining,
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
                RedirectedPostsCost = sum.DevAdded / 4 * devCost[t],
                DevelopmentStaffCost = devStaffScenario,
                CostByEsvCategory = esv,
                // Säkerställa = operating IT; the rest is change (transition) and development staff.
                SecureShareBaseline = Share(baseline, baseline + devStaffBaseline),
                SecureShareScenario = Share(total - transition, total + devStaffScenario),
            });
            sum = new YearSums();
        }

        // Surplus people are persons from a date: say when the channels absorb them, or that they will not.
        for (var t = 0; t < years.Count; t++)
        {
            var q = t * 4 + 3;
            if (surplusByQuarter[q] <= SurplusTolerance)
            {
                continue;
            }

            var absorbed = Enumerable.Range(q + 1, quarters - q - 1).FirstOrDefault(k => surplusByQuarter[k] <= SurplusTolerance, -1);
            years[t] = years[t] with
            {
                SurplusAbsorbedBy = absorbed < 0 ? null : new Wave(scenario.StartYear + absorbed / 4, absorbed % 4 + 1).ToString(),
            };
        }

        return years;
    }

    private static List<ForecastYear> UnsupportedOs(CompiledPlan plan, List<ForecastYear> years)
    {
        var unsupported = plan.Estate.Systems
            .Where(s => s.OsSupport == Workloads.SupportStatus.Unsupported)
            .ToDictionary(s => s.Id, s => s.VmCount + s.PhysicalServers);
        var baseline = unsupported.Values.Sum();
        var fixedIn = plan.Moves
            .Where(m => unsupported.ContainsKey(m.SystemId)
                && (m.Destination is Destination.Saas or Destination.Retire || m.Method is TransitionMethod.Replatform or TransitionMethod.Replace))
            .Select(m => (m.Wave.Year, Servers: unsupported[m.SystemId]))
            .ToList();
        return [.. years.Select(y => y with
        {
            UnsupportedOsServersBaseline = baseline,
            UnsupportedOsServersScenario = baseline - fixedIn.Where(f => f.Year <= y.Year).Sum(f => f.Servers),
        })];
    }

    /// <summary>Below this an FTE of surplus is rounding, not a person.</summary>
    private const double SurplusTolerance = 0.05;

    /// <summary>Whole persons for an FTE figure: a part of a person is still a person who needs a place.</summary>
    private static int Persons(double fte) => fte <= SurplusTolerance ? 0 : (int)Math.Ceiling(fte - SurplusTolerance);

    private sealed class YearSums
    {
        public double Moved { get; private set; }
        public double Drift { get; private set; }
        public double Dev { get; private set; }
        public double DevAdded { get; private set; }
        public double Retained { get; private set; }
        public double Surplus { get; private set; }
        public double InTraining { get; private set; }
        public double MaxSurplus { get; private set; }
        public double MaxMoved { get; private set; }
        public double MinUnplaced { get; private set; }
        public double Transferred { get; set; }
        public double Retrained { get; set; }
        public double LeftRetirement { get; set; }
        public double LeftOther { get; set; }

        public void Add(double moved, double drift, double dev, double devAdded, double retained, double surplus, double inTraining, double unplaced)
        {
            Moved += moved;
            Drift += drift;
            Dev += dev;
            DevAdded += devAdded;
            Retained += retained;
            Surplus += surplus;
            InTraining += inTraining;
            MaxSurplus = Math.Max(MaxSurplus, surplus);
            MaxMoved = Math.Max(MaxMoved, moved);
            MinUnplaced = Math.Min(MinUnplaced, unplaced);
        }
    }

    private static double Share(double part, double whole) => whole > 0 ? part / whole : 0;

    private static void Warn(List<PlanIssue> warnings, int year, double surplus, double unplaced, double movedFte, double driftToday)
    {
        if (surplus > SurplusTolerance)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0}: upp till {1:N1} FTE ({2} {3}) frigörs utan att pensionering, personalomsättning, omskolning eller verksamhetsövergång kan ta emot dem (övertalighet). Omplacering inom regionen prövas först (7 § LAS).",
                year, surplus, Persons(surplus), Persons(surplus) == 1 ? "person" : "personer")));
        }

        if (unplaced < -0.05)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                // The quarter with the widest gap, not the year's average the tables show: said so, or the two seem to disagree.
                "{0}: i årets mest ansträngda kvartal kräver beställarorganisationen {1:N1} FTE mer än flytten då har frigjort; de måste rekryteras. Tabellen visar årets genomsnitt, som kan se ut att räcka.", year, -unplaced)));
        }

        if (movedFte > driftToday + Epsilon)
        {
            warnings.Add(new(PlanIssueKind.Warning, string.Format(Swedish,
                "{0}: flyttad driftinsats ({1:N1} FTE) är större än dagens drift ({2:N1} FTE); kontrollera driftinsatsen.",
                year, movedFte, driftToday)));
        }
    }

    /// <summary>
    /// The price at which the nominal like-for-like difference over the horizon is zero: for managed
    /// operation the business-hours price per server and month (the 24×7 price scaled with it), for
    /// cloud the price factor in % of list. The difference is piecewise linear in the price
    /// (governance has a floor), so a few secant steps find it to well under a krona. Null when the
    /// scenario moves nothing there.
    /// </summary>
    private static double? BreakEven(CompiledPlan plan, PlanningAssumptions a, Forecast at, Destination destination)
    {
        if (!plan.Aggregates.Any(g => g.Destination == destination && g.YearIndex < plan.Scenario.HorizonYears))
        {
            return null;
        }

        var managed = destination == Destination.SwedishManaged;
        var x0 = managed ? a.ManagedBusiness : a[ParameterKeys.CloudPriceFactor];
        if (x0 <= 0)
        {
            return null;
        }

        var ratio = a.Managed24x7 / a.ManagedBusiness;
        double Difference(double x) => x == x0
            ? at.NominalDifference
            : RunOnce(plan, managed
                ? a.With(ParameterKeys.ManagedPriceBusinessHours, x).With(ParameterKeys.ManagedPrice24x7, x * ratio)
                : a.With(ParameterKeys.CloudPriceFactor, x)).NominalDifference;

        double f0 = Difference(x0);
        double x1 = x0 * 1.5 + 1, f1 = Difference(x1);
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

        return Math.Abs(f1) <= 1 ? x1 : null;
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
