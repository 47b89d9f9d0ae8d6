using static Sourcing.Analyzer.Planning.ParameterKeys;

namespace Sourcing.Analyzer.Planning;

/// <summary>
/// The defaults with a scenario's overrides applied, read once into fields so that the yearly
/// loop does no dictionary look-ups. Percent parameters are turned into fractions here.
/// </summary>
public sealed class PlanningAssumptions
{
    private readonly SortedDictionary<string, double> _values;

    public PlanningAssumptions(IReadOnlyDictionary<string, double>? overrides = null)
    {
        _values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in PlanningDefaults.All)
        {
            _values[parameter.Key] = parameter.Value;
        }

        if (overrides is not null)
        {
            foreach (var (key, value) in overrides)
            {
                if (!PlanningDefaults.IsKnown(key))
                {
                    throw new ArgumentException("Okänd parameter: " + key, nameof(overrides));
                }

                _values[key] = value;
            }
        }

        VmsPerOpsFte = Positive(ParameterKeys.VmsPerOpsFte);
        PhysicalServersPerOpsFte = Positive(ParameterKeys.PhysicalServersPerOpsFte);
        ProductiveHours = Positive(ProductiveHoursPerFte);
        OnCost = Percent(PoPalagg);
        SalaryOps = _values[MonthlySalaryOps];
        SalaryDev = _values[MonthlySalaryDev];
        Wage = Percent(WageGrowth);
        Price = Percent(PriceGrowth);
        ManagedBusiness = _values[ManagedPriceBusinessHours];
        Managed24x7 = _values[ManagedPrice24x7];
        CloudFactor = Percent(CloudPriceFactor);
        CloudResidual = Math.Clamp(Percent(CloudResidualEffort), 0, 1);
        SaasDefault = _values[SaasDefaultPrice];
        RehostHours = _values[RehostHoursPerVm];
        ReplatformHours = _values[ReplatformHoursPerSystem];
        ReplaceHours = _values[ReplaceHoursPerSystem];
        RetireHours = _values[RetireHoursPerSystem];
        ConsultantRate = _values[ConsultantHourRate];
        OwnMigration = Math.Clamp(Percent(OwnStaffMigrationShare), 0, 1);
        DualMonths = _values[DualRunningMonths];
        Transaction = Percent(SourcingTransactionShare);
        Governance = Percent(GovernanceShare);
        Retained = Math.Clamp(Percent(RetainedShare), 0, 1);
        RetainedMin = _values[RetainedMinFtePerContract];
        Attrition = Math.Clamp(Percent(AttritionRate), 0, 1);
        Retirement = Math.Clamp(Percent(RetirementRate), 0, 1);
        Retrainable = Math.Clamp(Percent(RetrainableShare), 0, 1);
        TrainingMonths = Math.Max(0, _values[MonthsToProductivity]);
        RetrainingCost = _values[RetrainingCostPerPerson];
        Transfer = Math.Clamp(Percent(TransferShare), 0, 1);
        Redirect = Math.Clamp(Percent(RedirectShare), 0, 1);
        SalaryYear = (int)Math.Round(_values[SalaryBaseYear]);
        ManagedContractFee = _values[ManagedContractFee24x7];
        ManagedOwnHardware = _values[ManagedOnOwnHardware] >= 0.5;
        Reservation = Math.Clamp(Percent(CloudReservationDiscount), 0, 1);
        HybridBenefit = _values[AzureHybridBenefit] >= 0.5;
        Discount = Percent(DiscountRate);
        InflationRate = Percent(ParameterKeys.Inflation);
        HostPriceSek = _values[HostPrice];
        RefreshYears = Math.Max(1, (int)Math.Round(_values[HardwareRefreshYears]));
        DefaultHostCores = Math.Max(1, _values[HostCores]);
        StorageTib = _values[StoragePricePerTibYear];
        VirtualisationCore = _values[VirtualisationPricePerCoreYear];
        WindowsCore = _values[WindowsPricePerCoreYear];
        RhelVm = _values[RhelPricePerVmYear];
        SqlShare = Math.Clamp(Percent(SqlServerVmShare), 0, 1);
        SqlVm = _values[SqlServerPricePerVmYear];
        BackupTib = _values[BackupPricePerTibYear];
        SecurityServer = _values[SecurityPricePerServerYear];
        DataCentreHost = _values[DataCentrePricePerHostYear];
        FacilitiesHost = _values[FacilitiesPricePerHostYear];
        RecruitmentCost = _values[RecruitmentCostPerHire];
        Vacancy = Math.Max(0, _values[VacancyMonths]);
        Tenure = Math.Max(1, _values[TenureYears]);
        Headroom = Math.Max(1, _values[RightSizingHeadroom]);
    }

    /// <summary>
    /// The scenario's assumptions. Unknown keys are left out here because the plan compiler already
    /// reports them as errors; a forecast with an error is still shown, with the error beside it.
    /// </summary>
    public static PlanningAssumptions ForScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new PlanningAssumptions(scenario.Parameters
            .Where(kv => PlanningDefaults.IsKnown(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>All values by key, ordered by key (defaults where not overridden).</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    public double this[string key] => _values[key];

    internal double VmsPerOpsFte { get; }
    internal double PhysicalServersPerOpsFte { get; }
    internal double ProductiveHours { get; }
    internal double OnCost { get; }
    internal double SalaryOps { get; }
    internal double SalaryDev { get; }
    internal double Wage { get; }
    internal double Price { get; }
    internal double ManagedBusiness { get; }
    internal double Managed24x7 { get; }
    internal double CloudFactor { get; }
    internal double CloudResidual { get; }
    internal double SaasDefault { get; }
    internal double RehostHours { get; }
    internal double ReplatformHours { get; }
    internal double ReplaceHours { get; }
    internal double RetireHours { get; }
    internal double ConsultantRate { get; }
    internal double OwnMigration { get; }
    internal double DualMonths { get; }
    internal double Transaction { get; }
    internal double Governance { get; }
    internal double Retained { get; }
    internal double RetainedMin { get; }
    internal double Attrition { get; }
    internal double Retirement { get; }
    internal double Retrainable { get; }
    internal double TrainingMonths { get; }
    internal double RetrainingCost { get; }
    internal double Transfer { get; }
    internal double Redirect { get; }
    internal int SalaryYear { get; }
    internal double ManagedContractFee { get; }
    internal bool ManagedOwnHardware { get; }
    internal double Reservation { get; }
    internal bool HybridBenefit { get; }
    internal double Discount { get; }
    internal double InflationRate { get; }
    internal double HostPriceSek { get; }
    internal int RefreshYears { get; }
    internal double DefaultHostCores { get; }
    internal double StorageTib { get; }
    internal double VirtualisationCore { get; }
    internal double WindowsCore { get; }
    internal double RhelVm { get; }
    internal double SqlShare { get; }
    internal double SqlVm { get; }
    internal double BackupTib { get; }
    internal double SecurityServer { get; }
    internal double DataCentreHost { get; }
    internal double FacilitiesHost { get; }
    internal double RecruitmentCost { get; }
    internal double Vacancy { get; }
    internal double Tenure { get; }
    /// <summary>Multiplier over the measured p95 when a cloud server is right-sized (see <see cref="RightSizing"/>).</summary>
    internal double Headroom { get; }

    /// <summary>A copy with one value changed: what a page or the sensitivity analysis does.</summary>
    public PlanningAssumptions With(string key, double value)
    {
        var copy = new Dictionary<string, double>(_values, StringComparer.Ordinal) { [key] = value };
        return new PlanningAssumptions(copy);
    }

    /// <summary>The keys whose value differs from the shipped default.</summary>
    public IReadOnlyList<string> Overridden() =>
        [.. _values.Where(kv => kv.Value != PlanningDefaults.Get(kv.Key).Value).Select(kv => kv.Key)];

    private double Percent(string key) => _values[key] / 100.0;

    // Divisors: a zero would turn the whole forecast into infinities, so refuse it where it is entered.
    private double Positive(string key) =>
        _values[key] > 0 ? _values[key] : throw new ArgumentException($"{PlanningDefaults.Get(key).Label} måste vara större än noll.");
}
