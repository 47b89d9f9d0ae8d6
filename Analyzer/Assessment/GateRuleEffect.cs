namespace Sourcing.Analyzer.Assessment;

/// <summary>
/// A rule's effect on one destination. <paramref name="ConditionText"/> is the Swedish text shown
/// with the verdict (what must be met, or why it is blocked/penalised). <paramref name="Points"/>
/// is the size of a <see cref="GateEffect.Penalty"/> or <see cref="GateEffect.Preferred"/> (positive
/// number; the sign comes from the effect) and an optional extra penalty for Conditional.
/// <paramref name="Jurisdiction"/> limits the effect to destinations whose supplier is under that
/// jurisdiction (see <see cref="SupplierRegister"/>); null applies it whoever the supplier is.
/// </summary>
public sealed record GateRuleEffect(
    Destination Destination, GateEffect Effect, string ConditionText, double Points = 0, Jurisdiction? Jurisdiction = null)
{
    public bool AppliesTo(Jurisdiction supplierJurisdiction) => Jurisdiction is not { } only || only == supplierJurisdiction;
}
