namespace Sourcing.Web.Portfolio;

/// <summary>Where one attribute's value came from: tag, import, hand or default, with when and by whom/which file.</summary>
public sealed record AttributeOriginView(string Origin, DateTimeOffset? At, string? By);
