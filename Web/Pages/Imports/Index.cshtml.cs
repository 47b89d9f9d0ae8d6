using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sourcing.Collector.Assessment;
using Sourcing.Collector.Auth;
using Sourcing.Collector.Cli;
using Sourcing.Collector.Imports;
using Sourcing.Collector.Workloads;
using Sourcing.Web.Security;

namespace Sourcing.Web.Pages.Imports;

/// <summary>
/// File imports in two steps: upload → dry run (the preview, nothing written) → confirm. The
/// uploaded file waits in a per-upload temporary folder between the steps, owned by the uploader.
/// The system register is Sourcing's (role Sourcing); an RVTools export is inventory (role Drift);
/// the page itself is open to both (policy Inventory) and each handler checks its role.
/// </summary>
[Authorize(Policy = Policies.Inventory)]
[RequestSizeLimit(UploadLimit.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit.MaxRequestBytes)]
public sealed class IndexModel(
    SystemRegisterImport register, RvToolsImport rvtools, IBackgroundJobClient jobs,
    IStringLocalizer<SharedResource> text, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const string Register = "register";
    public const string RvTools = "rvtools";

    private static readonly string UploadRoot = Path.Combine(Path.GetTempPath(), "sourcing-imports");

    public string? Kind { get; private set; }

    public string? Token { get; private set; }

    public string? Source { get; private set; }

    public SystemImportReport? RegisterReport { get; private set; }

    public RvToolsImportReport? RvToolsReport { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool CanImportRegister => User.IsInRole(Roles.Sourcing);

    public bool CanImportRvTools => User.IsInRole(Roles.Drift);

    /// <param name="storlek">Set by <see cref="UploadLimit"/> when the last upload was larger than allowed, in MB.</param>
    public void OnGet(long? storlek)
    {
        if (storlek is > 0)
        {
            Errors = [text["Imports.TooLarge", storlek.Value, ImportFiles.DefaultMaxBytes / 1048576].Value];
        }
    }

    /// <summary>Step 1: stores the upload and runs the import as a dry run.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string kind, IFormFile? file, string? source, CancellationToken cancellationToken)
    {
        if (!Allowed(kind))
        {
            return Forbid();
        }

        Kind = kind;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        var extension = Path.GetExtension(file?.FileName ?? "").ToLowerInvariant();
        var extensions = kind == Register ? new[] { ".csv", ".xlsx" } : [".xlsx"];
        if (file is null || file.Length == 0)
        {
            Errors = [text["Imports.NoFile"].Value];
            return Page();
        }

        if (!extensions.Contains(extension))
        {
            Errors = [text["Imports.WrongType", string.Join(", ", extensions)].Value];
            return Page();
        }

        RemoveStaleUploads();
        var token = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(UploadRoot, token);
        // Registers may hold names of people: only this process's user may read the waiting files.
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(UploadRoot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        // The folder goes on every path but the one that leaves a preview waiting: a refused file, an
        // exception, a cancelled upload.
        var keep = false;
        try
        {
            // Only the file name's safe characters are kept: it is shown and recorded as the origin ("by").
            var name = new string(Path.GetFileNameWithoutExtension(file.FileName).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_').ToArray()).Trim();
            var path = Path.Combine(folder, (name.Length == 0 ? "import" : name) + extension);
            await using (var stream = System.IO.File.Create(path))
            {
                await file.CopyToAsync(stream, cancellationToken);
            }

            await System.IO.File.WriteAllTextAsync(Path.Combine(folder, ".owner"), User.Identity?.Name ?? "", cancellationToken);
            if (await RunAsync(kind, path, dryRun: true, cancellationToken))
            {
                Token = token;
                keep = true;
            }
        }
        finally
        {
            if (!keep)
            {
                RemoveFolder(folder);
            }
        }

        return Page();
    }

    /// <summary>Step 2: imports the file the preview showed, then queues mapping/assessment.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string kind, string token, string? source, CancellationToken cancellationToken)
    {
        if (!Allowed(kind))
        {
            return Forbid();
        }

        Kind = kind;
        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (await UploadedFileAsync(token, cancellationToken) is not { } path)
        {
            Errors = [text["Imports.Expired"].Value];
            return Page();
        }

        bool ok;
        try
        {
            ok = await RunAsync(kind, path, dryRun: false, cancellationToken);
        }
        finally
        {
            // Imported or refused, the waiting file is done with; a failed import is uploaded again.
            RemoveFolder(Path.GetDirectoryName(path)!);
        }

        if (ok)
        {
            if (kind == RvTools)
            {
                var mapping = jobs.Enqueue<MappingJob>(j => j.RunAsync(CancellationToken.None));
                jobs.ContinueJobWith<AnalyzeJob>(mapping, j => j.RunAsync(CancellationToken.None));
            }
            else
            {
                jobs.Enqueue<AnalyzeJob>(j => j.RunAsync(CancellationToken.None));
            }

            logger.LogInformation("User {User} imported {Kind} file {File}", User.Identity?.Name, kind, Path.GetFileName(path));
        }

        return Page();
    }

    /// <summary>
    /// The preview's change table in full (the page shows at most 500 rows), from a dry run of the
    /// waiting upload; nothing is written. Only the uploader can fetch it.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(string kind, string token, string? source, CancellationToken cancellationToken)
    {
        if (!Allowed(kind))
        {
            return Forbid();
        }

        if (await UploadedFileAsync(token, cancellationToken) is not { } path)
        {
            return NotFound();
        }

        Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (!await RunAsync(kind, path, dryRun: true, cancellationToken))
        {
            return BadRequest(string.Join('\n', Errors));
        }

        IEnumerable<object?[]> rows = kind == Register
            ? RegisterReport!.Changes.SelectMany(c => c.Fields.Select(f => new object?[] { c.Added ? "added" : "changed", c.Name, null, f.Attribute, f.Column, f.Old, f.New }))
            :
            [
                .. RvToolsReport!.Plan.Added.Select(a => new object?[] { "added", a.Name, a.Kind, null, null, null, null }),
                .. RvToolsReport.Plan.Changed.SelectMany(c => c.Fields.Select(f => new object?[] { "changed", c.Name, null, f.Attribute, f.Column, f.Old, f.New })),
                .. RvToolsReport.Plan.Removed.Select(r => new object?[] { "removed", r, null, null, null, null, null }),
                .. RvToolsReport.Plan.Restored.Select(r => new object?[] { "restored", r, null, null, null, null, null }),
            ];
        return await CsvExport.WriteAsync(Response, CsvExport.FileName("importandringar", time),
            ["change", "name", "kind", "field", "column", "old_value", "new_value"], rows, cancellationToken);
    }

    /// <summary>The file a preview left waiting, if the token is well formed and the signed-in user uploaded it.</summary>
    private async Task<string?> UploadedFileAsync(string? token, CancellationToken cancellationToken)
    {
        var folder = Guid.TryParseExact(token, "N", out _) ? Path.Combine(UploadRoot, token!) : null;
        var owner = folder is not null && System.IO.File.Exists(Path.Combine(folder, ".owner"))
            ? await System.IO.File.ReadAllTextAsync(Path.Combine(folder, ".owner"), cancellationToken)
            : null;
        if (folder is null || owner != (User.Identity?.Name ?? ""))
        {
            return null;
        }

        return Directory.GetFiles(folder).First(f => !f.EndsWith(".owner", StringComparison.Ordinal));
    }

    // Previews that were never confirmed: their files are removed after a day.
    private void RemoveStaleUploads()
    {
        if (!Directory.Exists(UploadRoot))
        {
            return;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var folder in Directory.GetDirectories(UploadRoot).Where(f => Directory.GetCreationTimeUtc(f) < cutoff))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove the old upload folder {Folder}", folder);
            }
        }
    }

    private void RemoveFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove the upload folder {Folder}", folder);
        }
    }

    private bool Allowed(string kind) => (kind == Register && CanImportRegister) || (kind == RvTools && CanImportRvTools);

    private async Task<bool> RunAsync(string kind, string path, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == Register)
            {
                RegisterReport = await register.RunAsync(path, dryRun, cancellationToken);
            }
            else
            {
                RvToolsReport = await rvtools.RunAsync(path, Source, dryRun, cancellationToken);
            }

            return true;
        }
        catch (ImportFileException e)
        {
            // The importer's messages name sheet, row and column; shown exactly as given.
            Errors = e.Errors;
            return false;
        }
        catch (UsageException e)
        {
            Errors = [e.Message];
            return false;
        }
    }
}
