using System.Diagnostics.CodeAnalysis;

// The page folder is Imports (URL /Imports); the namespace follows the folder. Nothing consumes this assembly from Visual Basic.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Sourcing.Web.Pages.Imports", Justification = "Folder name; no VB consumers.")]
