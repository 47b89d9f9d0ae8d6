using System.Diagnostics.CodeAnalysis;

// The folder the project plan names is Imports; the namespace follows the folder. VB's keyword
// "Imports" does not matter here: nothing consumes this assembly from Visual Basic.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Sourcing.Collector.Imports", Justification = "Folder name; no VB consumers.")]
