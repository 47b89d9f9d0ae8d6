using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;

namespace Sourcing.Web.Pages.Suppliers;

/// <summary>The supplier form, with Swedish messages naming the field that is wrong.</summary>
public sealed class SupplierInput
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string? OwnerCountry { get; set; }
    public string? UltimateParent { get; set; }
    public string? ParentCountry { get; set; }
    public string? DataLocation { get; set; }
    public string? SealLevel { get; set; }
    public bool SecurityAgreement { get; set; }
    public string? Agreements { get; set; }
    public string? DefaultFor { get; set; }

    public static SupplierInput From(Supplier s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        OwnerCountry = s.OwnerCountry,
        UltimateParent = s.UltimateParent,
        ParentCountry = s.ParentCountry,
        DataLocation = s.DataLocation,
        SealLevel = s.SealLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SecurityAgreement = s.SecurityAgreement,
        Agreements = s.Agreements,
        DefaultFor = s.DefaultFor?.ToString(),
    };

    public (Supplier? Supplier, Dictionary<string, string> Errors) ToSupplier()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            errors[nameof(Name)] = "Namn: ange leverantörens namn (högst 200 tecken), som det står i systemregistrets leverantörsfält.";
        }

        if (!IsCountry(OwnerCountry))
        {
            errors[nameof(OwnerCountry)] = "Ägarens land: ange landskod med två bokstäver, till exempel SE eller US.";
        }

        if (!string.IsNullOrWhiteSpace(ParentCountry) && !IsCountry(ParentCountry))
        {
            errors[nameof(ParentCountry)] = "Yttersta moderbolagets land: ange landskod med två bokstäver, till exempel US.";
        }

        if (!string.IsNullOrWhiteSpace(UltimateParent) && string.IsNullOrWhiteSpace(ParentCountry))
        {
            errors[nameof(ParentCountry)] = "Yttersta moderbolagets land: ange landet när ett moderbolag är angivet; det avgör jurisdiktionen.";
        }

        int? seal = null;
        if (!string.IsNullOrWhiteSpace(SealLevel))
        {
            if (int.TryParse(SealLevel, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var level) && level is >= 0 and <= 4)
            {
                seal = level;
            }
            else
            {
                errors[nameof(SealLevel)] = "SEAL-nivå: välj en nivå mellan 0 och 4, eller lämna tomt om den inte är bedömd.";
            }
        }

        Destination? defaultFor = null;
        if (!string.IsNullOrEmpty(DefaultFor))
        {
            if (Enum.TryParse<Destination>(DefaultFor, out var d) && Enum.IsDefined(d))
            {
                defaultFor = d;
            }
            else
            {
                errors[nameof(DefaultFor)] = "Standardleverantör för: välj ett alternativ i listan.";
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Supplier
        {
            Id = Id,
            Name = Name!.Trim(),
            OwnerCountry = OwnerCountry!.Trim().ToUpperInvariant(),
            UltimateParent = UltimateParent,
            ParentCountry = ParentCountry?.Trim().ToUpperInvariant(),
            DataLocation = DataLocation,
            SealLevel = seal,
            SecurityAgreement = SecurityAgreement,
            Agreements = Agreements,
            DefaultFor = defaultFor,
        }, errors);
    }

    private static bool IsCountry(string? code) =>
        code is not null && code.Trim().Length == 2 && code.Trim().All(char.IsAsciiLetter);
}
