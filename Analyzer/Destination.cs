namespace Sourcing.Analyzer;

/// <summary>Where a system can be run. The order is the order pages list them in.</summary>
public enum Destination
{
    /// <summary>Egen regi: the region's own data centre and staff.</summary>
    InHouse,
    /// <summary>Swedish/EU-owned managed hosting or cloud, operated in Sweden.</summary>
    SwedishManaged,
    /// <summary>US-owned public cloud, IaaS/PaaS (e.g. Azure).</summary>
    PublicCloud,
    /// <summary>Replace with a SaaS product.</summary>
    Saas,
    /// <summary>Decommission.</summary>
    Retire,
}
