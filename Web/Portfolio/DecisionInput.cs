using System.ComponentModel.DataAnnotations;
using Sourcing.Analyzer;

namespace Sourcing.Web.Portfolio;

/// <summary>The system page's "record a decision" form.</summary>
public sealed class DecisionInput
{
    [Required]
    [Display(Name = "Destination")]
    public Destination? Destination { get; set; }

    [Required]
    [StringLength(2000, MinimumLength = 3)]
    [Display(Name = "Motivering")]
    public string? Reason { get; set; }
}
