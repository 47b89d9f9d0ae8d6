namespace Sourcing.Analyzer.Workloads;

/// <summary>Personal data the system handles, the highest category.</summary>
public enum PersonalDataCategory
{
    Unknown,
    None,
    /// <summary>Vanliga personuppgifter.</summary>
    Ordinary,
    /// <summary>Känsliga personuppgifter (GDPR art. 9).</summary>
    Sensitive,
    /// <summary>Patient- och hälsodata (25 kap. 1 § OSL).</summary>
    PatientHealth,
}

public enum AvailabilityNeed
{
    Unknown,
    /// <summary>Kontorstid.</summary>
    OfficeHours,
    /// <summary>Utökad tid.</summary>
    Extended,
    /// <summary>Dygnet runt.</summary>
    TwentyFourSeven,
}

public enum LifecycleState
{
    InUse,
    BeingReplaced,
    ToBeRetired,
}

/// <summary>Yes, no or not known (e.g. whether a SaaS edition exists).</summary>
public enum Tristate
{
    Unknown,
    Yes,
    No,
}

/// <summary>Where an attribute's value came from.</summary>
public enum AttributeOrigin
{
    Default,
    Tag,
    Import,
    Hand,
}

/// <summary>OS support status from the lifecycle table.</summary>
public enum SupportStatus
{
    Unknown,
    Supported,
    /// <summary>Only paid extended support (ESU, ELS) remains.</summary>
    ExtendedOnly,
    Unsupported,
}
