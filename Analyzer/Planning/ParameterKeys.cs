namespace Sourcing.Analyzer.Planning;

/// <summary>Keys of the planning parameters; the JSON scenario format and the store use them as is.</summary>
public static class ParameterKeys
{
    public const string VmsPerOpsFte = "vms_per_ops_fte";
    public const string PhysicalServersPerOpsFte = "physical_servers_per_ops_fte";
    public const string ProductiveHoursPerFte = "productive_hours_per_fte";
    public const string PoPalagg = "po_palagg";
    public const string MonthlySalaryOps = "monthly_salary_ops";
    public const string MonthlySalaryDev = "monthly_salary_dev";
    public const string WageGrowth = "wage_growth";
    public const string PriceGrowth = "price_growth";
    public const string ManagedPriceBusinessHours = "managed_price_business_hours";
    public const string ManagedPrice24x7 = "managed_price_24x7";
    public const string CloudPriceFactor = "cloud_price_factor";
    public const string CloudResidualEffort = "cloud_residual_effort";
    public const string SaasDefaultPrice = "saas_default_price";
    public const string RehostHoursPerVm = "rehost_hours_per_vm";
    public const string ReplatformHoursPerSystem = "replatform_hours_per_system";
    public const string ReplaceHoursPerSystem = "replace_hours_per_system";
    public const string RetireHoursPerSystem = "retire_hours_per_system";
    public const string TransitionHourCost = "transition_hour_cost";
    public const string DualRunningMonths = "dual_running_months";
    public const string SourcingTransactionShare = "sourcing_transaction_share";
    public const string GovernanceShare = "governance_share";
    public const string RetainedShare = "retained_share";
    public const string RetainedMinFtePerContract = "retained_min_fte_per_contract";
    public const string AttritionRate = "attrition_rate";
    public const string RetirementRate = "retirement_rate";
    public const string RetrainableShare = "retrainable_share";
    public const string MonthsToProductivity = "months_to_productivity";
    public const string RetrainingCostPerPerson = "retraining_cost_per_person";
    public const string TransferShare = "transfer_share";
    public const string RedirectShare = "redirect_share";
}
