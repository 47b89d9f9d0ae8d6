namespace Sourcing.Web.Pages.Settings;

/// <summary>One setting shown on the settings page: its name in the JSON, the value and where the default comes from.</summary>
public sealed record SettingRow(string Name, string Value, string Source);
