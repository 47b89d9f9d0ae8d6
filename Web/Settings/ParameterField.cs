namespace Sourcing.Web.Settings;

/// <summary>
/// One number on the weights or effort form: the property it sets, its Swedish label and unit,
/// the range a value must fall in, and where the default comes from (Swedish, with a link).
/// </summary>
public sealed record ParameterField(
    string Name,
    string Label,
    string Unit,
    double Min,
    double Max,
    string Source,
    bool WholeNumber = false,
    bool Optional = false,
    string? SourceUrl = null)
{
    /// <summary>The step for the number input: whole numbers, or two decimals.</summary>
    public string Step => WholeNumber ? "1" : "any";

    /// <summary>The form field's id and name.</summary>
    public string InputId => "value-" + Name;
}
