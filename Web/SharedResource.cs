namespace Sourcing.Web;

/// <summary>
/// Marker for the UI texts in Resources/SharedResource.resx (Swedish, the default) and
/// SharedResource.en.resx (English). Views get them as <c>L["Key"]</c> (see _ViewImports).
/// </summary>
public sealed class SharedResource;
