using System.Diagnostics.CodeAnalysis;

// The test folder mirrors Collector/Imports; VB's keyword "Imports" does not matter to a test assembly.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Sourcing.Tests.Collector.Imports", Justification = "Mirrors the Collector folder.")]
