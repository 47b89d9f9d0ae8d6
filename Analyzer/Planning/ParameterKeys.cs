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
    public const string ConsultantHourRate = "consultant_hour_rate";
    public const string OwnStaffMigrationShare = "own_staff_migration_share";
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
    public const string SalaryBaseYear = "salary_base_year";
    public const string ManagedContractFee24x7 = "managed_24x7_contract_fee";
    public const string ManagedOnOwnHardware = "managed_on_own_hardware";
    public const string CloudReservationDiscount = "cloud_reservation_discount";
    public const string AzureHybridBenefit = "azure_hybrid_benefit";
    public const string DiscountRate = "discount_rate";
    public const string Inflation = "inflation";
    public const string HostPrice = "host_price";
    public const string HardwareRefreshYears = "hardware_refresh_years";
    public const string HostCores = "host_cores";
    public const string StoragePricePerTibYear = "storage_price_per_tib_year";
    public const string VirtualisationPricePerCoreYear = "virtualisation_price_per_core_year";
    public const string WindowsPricePerCoreYear = "windows_price_per_core_year";
    public const string RhelPricePerVmYear = "rhel_price_per_vm_year";
    public const string SqlServerVmShare = "sql_server_vm_share";
    public const string SqlServerPricePerVmYear = "sql_server_price_per_vm_year";
    public const string BackupPricePerTibYear = "backup_price_per_tib_year";
    public const string SecurityPricePerServerYear = "security_price_per_server_year";
    public const string DataCentrePricePerHostYear = "data_centre_price_per_host_year";
    public const string FacilitiesPricePerHostYear = "facilities_price_per_host_year";
}
