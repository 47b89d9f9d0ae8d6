using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;
using Sourcing.Analyzer.Assessment.Learning;
using Sourcing.Analyzer.Workloads;

namespace Sourcing.Collector.Assessment;

/// <summary>
/// The assessment tables: versioned settings (rule table, weights, effort parameters), the latest
/// assessment per system, decisions and trained models. Settings are append-only: every save is a
/// new version, so an old assessment can always say which rules it was computed with.
/// </summary>
public sealed class AssessmentStore(NpgsqlDataSource dataSource)
{
    public async Task<AssessmentSettings> GetSettingsAsync(CancellationToken cancellationToken)
    {
        var rules = await LatestAsync("gate_rule_set", "rules", cancellationToken);
        var weights = await LatestAsync("scoring_weights", "weights", cancellationToken);
        var effort = await LatestAsync("effort_parameters", "parameters", cancellationToken);
        var suppliers = await new SupplierStore(dataSource).ListAsync(cancellationToken);
        return new AssessmentSettings(
            rules is null ? GateRuleSet.Default : GateRuleSet.FromJson(rules),
            weights is null ? ScoringWeights.Default : ScoringWeights.FromJson(weights),
            effort is null ? EffortParameters.Default : EffortParameters.FromJson(effort),
            new SupplierRegister(suppliers));
    }

    /// <summary>Saves a new version of the rule table; returns the version it got. <paramref name="note"/> says why (shown in the history).</summary>
    public Task<int> SaveRuleSetAsync(GateRuleSet rules, string createdBy, CancellationToken cancellationToken, string? note = null) =>
        AppendVersionAsync("gate_rule_set", "rules", v => (rules with { Version = v }).ToJson(), createdBy, note, cancellationToken);

    public Task<int> SaveWeightsAsync(ScoringWeights weights, string createdBy, CancellationToken cancellationToken, string? note = null) =>
        AppendVersionAsync("scoring_weights", "weights", v => (weights with { Version = v }).ToJson(), createdBy, note, cancellationToken);

    public Task<int> SaveEffortParametersAsync(EffortParameters parameters, string createdBy, CancellationToken cancellationToken, string? note = null) =>
        AppendVersionAsync("effort_parameters", "parameters", v => (parameters with { Version = v }).ToJson(), createdBy, note, cancellationToken);

    /// <summary>Every saved version of one kind of setting, newest first, with who saved it, when and why.</summary>
    public async Task<IReadOnlyList<SettingsVersion>> GetVersionsAsync(SettingsKind kind, CancellationToken cancellationToken)
    {
        var (table, column) = Table(kind);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int, DateTime, string, string?, string)>(new CommandDefinition(
            $"SELECT version, created_at, created_by, note, {column}::text FROM sourcing.{table} ORDER BY version DESC",
            cancellationToken: cancellationToken));
        return rows.Select(r => new SettingsVersion(kind, r.Item1, new DateTimeOffset(DateTime.SpecifyKind(r.Item2, DateTimeKind.Utc)), r.Item3, r.Item4, r.Item5))
            .ToList();
    }

    private static (string Table, string Column) Table(SettingsKind kind) => kind switch
    {
        SettingsKind.Rules => ("gate_rule_set", "rules"),
        SettingsKind.Weights => ("scoring_weights", "weights"),
        SettingsKind.Effort => ("effort_parameters", "parameters"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Replaces every stored assessment with the report's, in one transaction, and records the run.</summary>
    public async Task SaveReportAsync(AssessmentReport report, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        var at = computedAt.ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two runs at once (the nightly job and an edit on the system page) would both delete and
        // then both insert the same systems; the second waits for the first here instead.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext('sourcing.assessment'))", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM sourcing.assessment", transaction: transaction, cancellationToken: cancellationToken));

        await using (var importer = await connection.BeginBinaryImportAsync(
            """
            COPY sourcing.assessment (workload_id, computed_at, rule_set_version, weights_version, status,
                                      recommendation, confidence, drift_hours, result)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var workload in report.Workloads)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(workload.WorkloadId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(report.RuleSetVersion, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(report.WeightsVersion, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(workload.Recommendation.Status.ToString(), NpgsqlDbType.Text, cancellationToken);
                if (workload.Recommendation.Destination is { } destination)
                {
                    await importer.WriteAsync(destination.ToString(), NpgsqlDbType.Text, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }

                await importer.WriteAsync(workload.Confidence, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(workload.DriftHours, NpgsqlDbType.Double, cancellationToken);
                await importer.WriteAsync(JsonSerializer.Serialize(workload, AssessmentJson.Options), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sourcing.assessment_run (computed_at, workload_count, rule_set_version, weights_version, effort_version,
                                                 calibration_factor, stated_fte, model_fte, total_drift_hours)
            VALUES (@at, @count, @rules, @weights, @effort, @factor, @stated, @modelFte, @total)
            """,
            new
            {
                at,
                count = report.Workloads.Count,
                rules = report.RuleSetVersion,
                weights = report.WeightsVersion,
                effort = report.EffortParametersVersion,
                factor = report.Calibration.Factor,
                stated = report.Calibration.StatedFte,
                modelFte = report.Calibration.ModelFte,
                total = report.Calibration.CalibratedHours,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredAssessment>> GetAssessmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long, DateTime, int, int, string, string?, double, double, string)>(new CommandDefinition(
            SelectAssessment + " ORDER BY workload_id", cancellationToken: cancellationToken));
        return rows.Select(ToStored).ToList();
    }

    public async Task<StoredAssessment?> GetAssessmentAsync(long workloadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long, DateTime, int, int, string, string?, double, double, string)>(new CommandDefinition(
            SelectAssessment + " WHERE workload_id = @workloadId", new { workloadId }, cancellationToken: cancellationToken));
        return rows.Select(ToStored).FirstOrDefault();
    }

    public async Task<long> AddDecisionAsync(
        Workload workload,
        Destination destination,
        string reason,
        string decidedBy,
        DateTimeOffset decidedAt,
        Recommendation? recommendation,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            InsertDecisionSql + " RETURNING id",
            DecisionParameters(workload, destination, reason, decidedBy, decidedAt, recommendation),
            cancellationToken: cancellationToken));
    }

    private const string InsertDecisionSql =
        """
        INSERT INTO sourcing.decision (workload_id, destination, reason, decided_by, decided_at,
                                       recommended_destination, recommended_confidence, workload_snapshot)
        VALUES (@id, @destination, @reason, @decidedBy, @decidedAt, @recommended, @confidence, CAST(@snapshot AS jsonb))
        """;

    private static object DecisionParameters(
        Workload workload, Destination destination, string reason, string decidedBy, DateTimeOffset decidedAt, Recommendation? recommendation) => new
        {
            id = workload.Id,
            destination = destination.ToString(),
            reason,
            decidedBy,
            decidedAt = decidedAt.ToUniversalTime(),
            recommended = recommendation?.Destination?.ToString(),
            confidence = recommendation?.Confidence,
            snapshot = JsonSerializer.Serialize(workload, AssessmentJson.Options),
        };

    /// <summary>Several decisions in one transaction: all are stored or none (an import).</summary>
    public async Task AddDecisionsAsync(
        IReadOnlyList<(Workload Workload, Destination Destination, string Reason, string DecidedBy, Recommendation? Recommendation)> decisions,
        DateTimeOffset decidedAt,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (workload, destination, reason, decidedBy, recommendation) in decisions)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertDecisionSql,
                DecisionParameters(workload, destination, reason, decidedBy, decidedAt, recommendation),
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One system's decisions, newest first.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(long workloadId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long, long, string, string, string, DateTime, string?, double?, string)>(new CommandDefinition(
            "SELECT " + DecisionColumns + " FROM sourcing.decision WHERE workload_id = @workloadId ORDER BY decided_at DESC, id DESC",
            new { workloadId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(ToDecision)];
    }

    /// <summary>Decisions, newest first. With <paramref name="latestPerWorkload"/> only each system's current decision (what training uses).</summary>
    public async Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(bool latestPerWorkload, CancellationToken cancellationToken)
    {
        var sql = latestPerWorkload
            ? "SELECT * FROM (SELECT DISTINCT ON (workload_id) " + DecisionColumns + " FROM sourcing.decision ORDER BY workload_id, decided_at DESC, id DESC) d ORDER BY decided_at DESC, id DESC"
            : "SELECT " + DecisionColumns + " FROM sourcing.decision ORDER BY decided_at DESC, id DESC";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long, long, string, string, string, DateTime, string?, double?, string)>(
            new CommandDefinition(sql, cancellationToken: cancellationToken));
        return [.. rows.Select(ToDecision)];
    }

    private static DecisionRecord ToDecision((long, long, string, string, string, DateTime, string?, double?, string) r) => new(
        r.Item1,
        r.Item2,
        Enum.Parse<Destination>(r.Item3),
        r.Item4,
        r.Item5,
        new DateTimeOffset(DateTime.SpecifyKind(r.Item6, DateTimeKind.Utc)),
        r.Item7 is null ? null : Enum.Parse<Destination>(r.Item7),
        r.Item8,
        JsonSerializer.Deserialize<Workload>(r.Item9, AssessmentJson.Options)!);

    /// <summary>Stores a trained model as the next version; returns the version.</summary>
    public async Task<int> SaveModelAsync(TrainingResult result, DateTimeOffset trainedAt, CancellationToken cancellationToken)
    {
        if (result.Status != TrainingStatus.Trained || result.Metrics is null)
        {
            throw new ArgumentException("Only a trained model can be stored.", nameof(result));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO sourcing.ml_model (version, trained_at, training_size, metrics, model)
            SELECT coalesce(max(version), 0) + 1, @trainedAt, @size, CAST(@metrics AS jsonb), @model FROM sourcing.ml_model
            RETURNING version
            """,
            new
            {
                trainedAt = trainedAt.ToUniversalTime(),
                size = result.Metrics.TrainingSize,
                metrics = JsonSerializer.Serialize(result.Metrics, AssessmentJson.Options),
                model = result.Model.ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<StoredModel?> GetLatestModelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int, DateTime, int, string, byte[])>(new CommandDefinition(
            "SELECT version, trained_at, training_size, metrics::text, model FROM sourcing.ml_model ORDER BY version DESC LIMIT 1",
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredModel(r.Item1, new DateTimeOffset(DateTime.SpecifyKind(r.Item2, DateTimeKind.Utc)), r.Item3, r.Item4, r.Item5))
            .FirstOrDefault();
    }

    private const string SelectAssessment =
        """
        SELECT workload_id, computed_at, rule_set_version, weights_version, status, recommendation,
               confidence, drift_hours, result::text
        FROM sourcing.assessment
        """;

    private const string DecisionColumns =
        "id, workload_id, destination, reason, decided_by, decided_at, recommended_destination, recommended_confidence, workload_snapshot::text";

    private static StoredAssessment ToStored((long, DateTime, int, int, string, string?, double, double, string) r) =>
        new(r.Item1, new DateTimeOffset(DateTime.SpecifyKind(r.Item2, DateTimeKind.Utc)), r.Item3, r.Item4, r.Item5, r.Item6, r.Item7, r.Item8, r.Item9);

    // Table and column names below are constants of this class, never user input.
    private async Task<string?> LatestAsync(string table, string column, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT {column}::text FROM sourcing.{table} ORDER BY version DESC LIMIT 1", cancellationToken: cancellationToken));
    }

    private async Task<int> AppendVersionAsync(string table, string column, Func<int, string> json, string createdBy, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialise savers of the same table; versions must stay gap-free and unique.
        await connection.ExecuteAsync(new CommandDefinition($"LOCK TABLE sourcing.{table} IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        var version = 1 + await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT coalesce(max(version), 0) FROM sourcing.{table}", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO sourcing.{table} (version, {column}, created_by, note) VALUES (@version, CAST(@json AS jsonb), @createdBy, @note)",
            new { version, json = json(version), createdBy, note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return version;
    }
}
