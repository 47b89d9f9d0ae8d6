namespace Sourcing.Analyzer.Lifecycle;

/// <summary>
/// The dated OS end-of-support table, kept as JSON inside the assembly so the analysis never needs
/// the network. Dates and sources are those of docs/research/domain.md §5.2 (stored copies of
/// endoflife.date and the vendors' lifecycle pages). Per entry: mainstreamEnd (Windows mainstream,
/// RHEL full support), supportEnd (end of the vendor's included support: Windows extended support,
/// RHEL maintenance, SLES general support, Ubuntu standard support) and extendedEnd (paid
/// ESU / ELS / LTSS / ESM; null when none is sold or none is verified).
/// </summary>
internal static class OsLifecycleData
{
    public const string Json =
        """
        {
          "retrieved": "2026 (stored research corpus; docs/research/domain.md §5.2)",
          "sources": [
            "https://learn.microsoft.com/lifecycle/products/windows-server-2012-r2",
            "https://raw.githubusercontent.com/altrhombus/DataForGeeks/main/content/ms/mswin/lifecycle-server.json",
            "https://github.com/endoflife-date/endoflife.date/blob/master/products/rhel.md",
            "https://access.redhat.com/support/policy/updates/errata",
            "https://github.com/endoflife-date/endoflife.date/blob/master/products/sles.md",
            "https://www.suse.com/lifecycle",
            "https://github.com/endoflife-date/endoflife.date/blob/master/products/ubuntu.md"
          ],
          "entries": [
            { "product": "windows-server", "version": "2008", "mainstreamEnd": "2015-01-13", "supportEnd": "2020-01-14", "extendedEnd": "2023-01-10", "note": "ESU to 2023-01-10; Azure-only year 4 to 2024-01-09", "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2008" },
            { "product": "windows-server", "version": "2008 R2", "mainstreamEnd": "2015-01-13", "supportEnd": "2020-01-14", "extendedEnd": "2023-01-10", "note": "ESU to 2023-01-10; Azure-only year 4 to 2024-01-09", "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2008-r2" },
            { "product": "windows-server", "version": "2012", "mainstreamEnd": "2018-10-09", "supportEnd": "2023-10-10", "extendedEnd": "2026-10-13", "note": "ESU (year 3) to 2026-10-13", "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2012" },
            { "product": "windows-server", "version": "2012 R2", "mainstreamEnd": "2018-10-09", "supportEnd": "2023-10-10", "extendedEnd": "2026-10-13", "note": "ESU (year 3) to 2026-10-13", "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2012-r2" },
            { "product": "windows-server", "version": "2016", "mainstreamEnd": "2022-01-11", "supportEnd": "2027-01-12", "extendedEnd": null, "note": "endoflife.date lists ESU to 2030-01-12 (unverified, not used)", "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2016" },
            { "product": "windows-server", "version": "2019", "mainstreamEnd": "2024-01-09", "supportEnd": "2029-01-09", "extendedEnd": null, "note": null, "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2019" },
            { "product": "windows-server", "version": "2022", "mainstreamEnd": "2026-10-13", "supportEnd": "2031-10-14", "extendedEnd": null, "note": null, "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2022" },
            { "product": "windows-server", "version": "2025", "mainstreamEnd": "2029-11-13", "supportEnd": "2034-11-14", "extendedEnd": null, "note": "Microsoft lifecycle page (Pacific time): start 2024-11-01, mainstream end 2029-11-13, extended end 2034-11-14; checked 2026-12-07 through DataForGeeks lifecycle-server.json (scraped from that page, dates a day later in UTC as for every row); endoflife.date's 2029-10-09 / 2034-10-10 is the LTSC 5+5 estimate, not Microsoft's date", "source": "https://learn.microsoft.com/lifecycle/products/windows-server-2025" },
            { "product": "rhel", "version": "6", "mainstreamEnd": "2016-05-10", "supportEnd": "2020-11-30", "extendedEnd": "2024-06-30", "note": "ELS end from a stored copy; Red Hat may have extended it (verify)", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/rhel.md" },
            { "product": "rhel", "version": "7", "mainstreamEnd": "2019-08-06", "supportEnd": "2024-06-30", "extendedEnd": "2028-06-30", "note": "ELS", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/rhel.md" },
            { "product": "rhel", "version": "8", "mainstreamEnd": "2024-05-31", "supportEnd": "2029-05-31", "extendedEnd": "2032-05-31", "note": "ELS", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/rhel.md" },
            { "product": "rhel", "version": "9", "mainstreamEnd": "2027-05-31", "supportEnd": "2032-05-31", "extendedEnd": "2035-05-31", "note": "ELS", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/rhel.md" },
            { "product": "sles", "version": "12", "mainstreamEnd": "2024-10-31", "supportEnd": "2024-10-31", "extendedEnd": "2027-10-31", "note": "12 SP5 general support and LTSS", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/sles.md" },
            { "product": "sles", "version": "15", "mainstreamEnd": "2031-07-31", "supportEnd": "2031-07-31", "extendedEnd": "2034-07-31", "note": "major version dates UNVERIFIED; 15 SP5 general support ended 2024-12-31 (LTSS 2027-12-31)", "source": "https://www.suse.com/lifecycle" },
            { "product": "ubuntu", "version": "16.04", "mainstreamEnd": "2021-04-30", "supportEnd": "2021-04-30", "extendedEnd": "2026-04-02", "note": "standard support ended 2021-04; ESM", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/ubuntu.md" },
            { "product": "ubuntu", "version": "18.04", "mainstreamEnd": "2023-05-31", "supportEnd": "2023-05-31", "extendedEnd": "2028-04-01", "note": "ESM", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/ubuntu.md" },
            { "product": "ubuntu", "version": "20.04", "mainstreamEnd": "2025-05-31", "supportEnd": "2025-05-31", "extendedEnd": "2030-04-02", "note": "ESM", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/ubuntu.md" },
            { "product": "ubuntu", "version": "22.04", "mainstreamEnd": "2027-04-01", "supportEnd": "2027-04-01", "extendedEnd": "2032-04-09", "note": "ESM", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/ubuntu.md" },
            { "product": "ubuntu", "version": "24.04", "mainstreamEnd": "2029-05-31", "supportEnd": "2029-05-31", "extendedEnd": "2036-05-31", "note": "ESM as listed; Canonical's base ESM is 10 years, the rest is the Legacy add-on", "source": "https://github.com/endoflife-date/endoflife.date/blob/master/products/ubuntu.md" }
          ]
        }
        """;
}
