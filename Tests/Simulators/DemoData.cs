using System.Globalization;
using System.Text;
using Sourcing.Tests.Simulators.VCenter;

namespace Sourcing.Tests.Simulators;

/// <summary>
/// What a region would supply by hand for the demo estate: the system register (classification,
/// criticality, vendors) for the simulated systems, and a set of sourcing decisions for the model to
/// learn from. `Sourcing.Tests demo-data DIR` writes DIR/objektregister.csv and DIR/beslut.csv.
/// About one system in eight is left unclassified, as in a real register, so "underlag saknas" shows.
/// </summary>
public static class DemoData
{
    private static readonly Dictionary<string, string> Departments =
        VCenterEstateGenerator.Forvaltningar.ToDictionary(f => f.Code, f => f.Name);

    private static readonly HashSet<string> MedicalDevice = new(StringComparer.Ordinal)
    {
        "Sectra PACS", "Clinisoft", "Orbit", "Cytodos", "Obstetrix", "MUSE", "Dialys Euroquip", "RIS Sectra", "Flexlab",
    };

    private static readonly HashSet<string> SaasExists = new(StringComparer.Ordinal)
    {
        "Unikum", "Schoolsoft", "InfoMentor", "Vklass", "Skola24", "Edlevo", "Stratsys", "Hypergene", "Proceedo", "TendSign",
        "Sitevision", "Episerver", "Qlik Sense", "Time Care", "Medvind", "Digitalt vårdmöte", "Public 360", "Exchange", "Lokalbokning",
    };

    private static readonly HashSet<string> SecurityClassified = new(StringComparer.Ordinal) { "PKI", "Larmcentral Lisa" };

    private static readonly HashSet<string> InHouseBuilt = new(StringComparer.Ordinal)
    {
        "Infektionsverktyget", "Beslutsstöd Socialtjänst", "Kartotek Byggnad", "Bredbandskarta", "E-tjänsteplattform", "Intranät", "Familjerätt",
    };

    private static readonly HashSet<string> BeingReplaced = new(StringComparer.Ordinal) { "Procapita", "Melior", "Agresso", "Platina", "Pascal" };

    public static int Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var systems = VCenterEstateGenerator.Systems;
        var register = new StringBuilder();
        register.AppendLine("System;Förvaltningsobjekt;Förvaltning;Objektägare;Objektförvaltare;K;R;T;Säkerhetsskydd;Personuppgifter;Tillgänglighetsbehov;Medicinteknik;Utan internet;Egenutvecklad;Leverantör;Produkt;SaaS finns;Integrationer;Avtalsslut;Livscykel;Licenskostnad kr/år");
        var decisions = new List<string[]>();
        var random = new Random(2027);
        // Licence fees from their own sequence, so the other columns stay as they were.
        var licences = new Random(4711);
        var index = 0;
        foreach (var (name, code, _) in systems)
        {
            index++;
            var profile = Profile(name, code, random);
            var classified = index % 8 != 3; // every eighth system lacks classification in the register
            register.AppendLine(string.Join(';',
                name,
                ObjectName(code),
                Departments[code],
                Person(random),
                Person(random),
                classified ? profile.K.ToString(CultureInfo.InvariantCulture) : "",
                classified ? profile.R.ToString(CultureInfo.InvariantCulture) : "",
                classified ? profile.T.ToString(CultureInfo.InvariantCulture) : "",
                SecurityClassified.Contains(name) ? "ja" : "nej",
                classified ? profile.PersonalData : "okänt",
                profile.Availability,
                MedicalDevice.Contains(name) ? "ja" : "nej",
                profile.T >= 4 || MedicalDevice.Contains(name) ? "ja" : "nej",
                InHouseBuilt.Contains(name) ? "ja" : "nej",
                InHouseBuilt.Contains(name) ? "Regionen" : Vendor(name),
                name,
                SaasExists.Contains(name) ? "ja" : random.NextDouble() < 0.3 ? "nej" : "okänt",
                random.Next(0, 25).ToString(CultureInfo.InvariantCulture),
                new DateOnly(2026, 1, 31).AddMonths(random.Next(0, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                BeingReplaced.Contains(name) ? "ersätts" : "i bruk",
                InHouseBuilt.Contains(name) ? "0" : (licences.Next(1, 31) * 10_000).ToString(CultureInfo.InvariantCulture)));

            // The region's practice the model should pick up (the rules differ in places): patient
            // and sensitive data stay in-house, infrastructure goes to a Swedish supplier, SaaS where
            // it exists for low classification, K0–K1 to public cloud, systems being replaced retire.
            if (classified && index % 2 == 0)
            {
                var (destination, reason) = Decide(name, code, profile);
                decisions.Add([name, destination, reason, index % 3 == 0 ? "sourcingansvarig" : "it-strateg"]);
            }
        }

        File.WriteAllText(Path.Combine(directory, "objektregister.csv"), register.ToString(), new UTF8Encoding(false));
        // Written by CsvHelper: a reason holding the separator ("Patient- eller känsliga uppgifter; …") is quoted.
        using (var file = new StreamWriter(Path.Combine(directory, "beslut.csv"), append: false, new UTF8Encoding(false)))
        using (var csv = new CsvHelper.CsvWriter(file, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var row in decisions.Prepend(["System", "Beslut", "Motivering", "Beslutad av"]))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        Console.WriteLine($"Wrote {systems.Count} systems and {decisions.Count} decisions to {directory}");
        return 0;
    }

    private sealed record SystemProfile(int K, int R, int T, string PersonalData, string Availability);

    private static SystemProfile Profile(string name, string code, Random random)
    {
        if (SecurityClassified.Contains(name))
        {
            return new(4, 3, 3, "vanliga", "dygnet runt");
        }

        return code switch
        {
            "HSF" => new(3, 3, MedicalDevice.Contains(name) || name == "Cosmic" ? 4 : 3, "patientdata", "dygnet runt"),
            "SOF" => new(3, 3, 2, "känsliga", random.NextDouble() < 0.4 ? "dygnet runt" : "utökad"),
            "UBF" => new(2, 2, 2, "vanliga", "kontorstid"),
            "TF" => new(1, 2, name.Contains("Larm", StringComparison.Ordinal) || name.Contains("Drift", StringComparison.Ordinal) || name.Contains("Passer", StringComparison.Ordinal) ? 3 : 2, random.NextDouble() < 0.5 ? "inga" : "vanliga", name.Contains("Drift", StringComparison.Ordinal) ? "dygnet runt" : "kontorstid"),
            "SBF" => new(random.NextDouble() < 0.5 ? 1 : 2, 2, 1, "vanliga", "kontorstid"),
            _ => name switch
            {
                "Heroma" or "Medvind" or "Primula" => new(3, 3, 2, "känsliga", "utökad"),
                "Sitevision" or "Episerver" or "Intranät" or "Stratsys" or "Qlik Sense" => new(1, 2, 2, "vanliga", "utökad"),
                _ => new(2, 3, 3, "vanliga", "dygnet runt"),
            },
        };
    }

    private static (string Destination, string Reason) Decide(string name, string code, SystemProfile profile)
    {
        if (BeingReplaced.Contains(name))
        {
            return ("Retire", "Ersätts av nytt system inom två år");
        }

        if (profile.K >= 3 || profile.PersonalData is "patientdata" or "känsliga")
        {
            return ("InHouse", "Patient- eller känsliga uppgifter; ingen leverantör godkänd ännu");
        }

        if (SaasExists.Contains(name))
        {
            return ("Saas", "Leverantören erbjuder SaaS med svensk datalagring");
        }

        if (code == "RSF" && profile.T >= 3)
        {
            return ("SwedishManaged", "Infrastruktur: upphandla drift hos svensk leverantör");
        }

        return profile.K <= 1
            ? ("PublicCloud", "Låg klassning; flytt till Azure sparar drift")
            : ("SwedishManaged", "Standardserver; driftavtal med svensk leverantör");
    }

    private static string ObjectName(string code) => code switch
    {
        "HSF" => "Vårdinformation",
        "SOF" => "Socialtjänstens verksamhetssystem",
        "UBF" => "Utbildningsstöd",
        "TF" => "Fastighet och teknik",
        "SBF" => "Samhällsbyggnad och geodata",
        _ => "Gemensam administration och infrastruktur",
    };

    private static readonly string[] FirstNames = ["Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Per", "Lena", "Mikael", "Sara", "Oskar"];
    private static readonly string[] LastNames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson"];

    private static string Person(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    private static string Vendor(string name) => name switch
    {
        "Cosmic" => "Cambio Healthcare Systems AB",
        "Sectra PACS" or "RIS Sectra" => "Sectra AB",
        "Heroma" or "Procapita" or "Ecos2" => "CGI Sverige AB",
        "Raindance" => "CGI Sverige AB",
        "Lifecare" or "Treserva" => "Tieto Evry",
        "Visma" or "Medvind" => "Visma",
        _ => "Leverantör " + name.Split(' ')[0] + " AB",
    };
}
