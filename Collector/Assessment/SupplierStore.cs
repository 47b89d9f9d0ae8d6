using Dapper;
using Npgsql;
using Sourcing.Analyzer;
using Sourcing.Analyzer.Assessment;

namespace Sourcing.Collector.Assessment;

/// <summary>The supplier register (table <c>sourcing.supplier</c>): suppliers with owner, parent, data location, SEAL level and agreements.</summary>
public sealed class SupplierStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Supplier>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id, name, owner_country AS ownercountry, ultimate_parent AS ultimateparent, parent_country AS parentcountry,
                   data_location AS datalocation, seal_level AS seallevel, security_agreement AS securityagreement,
                   agreements, default_for AS defaultfor
            FROM sourcing.supplier ORDER BY lower(name)
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSupplier()).ToList();
    }

    public async Task<Supplier?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(s => s.Id == id);

    /// <summary>Adds (id 0) or updates a supplier; returns its id, or null when another supplier has the name or is already default for the destination.</summary>
    public async Task<long?> SaveAsync(Supplier supplier, string updatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        var args = new
        {
            id = supplier.Id,
            name = supplier.Name.Trim(),
            owner = supplier.OwnerCountry.Trim().ToUpperInvariant(),
            parent = Blank(supplier.UltimateParent),
            parentCountry = Blank(supplier.ParentCountry)?.ToUpperInvariant(),
            location = Blank(supplier.DataLocation),
            seal = supplier.SealLevel,
            security = supplier.SecurityAgreement,
            agreements = Blank(supplier.Agreements),
            defaultFor = supplier.DefaultFor?.ToString(),
            updatedBy,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return supplier.Id == 0
                ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO sourcing.supplier (name, owner_country, ultimate_parent, parent_country, data_location, seal_level,
                                                   security_agreement, agreements, default_for, updated_by)
                    VALUES (@name, @owner, @parent, @parentCountry, @location, @seal, @security, @agreements, @defaultFor, @updatedBy)
                    RETURNING id
                    """, args, cancellationToken: cancellationToken))
                : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    UPDATE sourcing.supplier SET name = @name, owner_country = @owner, ultimate_parent = @parent,
                        parent_country = @parentCountry, data_location = @location, seal_level = @seal,
                        security_agreement = @security, agreements = @agreements, default_for = @defaultFor,
                        updated_at = now(), updated_by = @updatedBy
                    WHERE id = @id
                    RETURNING id
                    """, args, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sourcing.supplier WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Row(
        long Id, string Name, string OwnerCountry, string? UltimateParent, string? ParentCountry, string? DataLocation,
        int? SealLevel, bool SecurityAgreement, string? Agreements, string? DefaultFor)
    {
        public Supplier ToSupplier() => new()
        {
            Id = Id,
            Name = Name,
            OwnerCountry = OwnerCountry,
            UltimateParent = UltimateParent,
            ParentCountry = ParentCountry,
            DataLocation = DataLocation,
            SealLevel = SealLevel,
            SecurityAgreement = SecurityAgreement,
            Agreements = Agreements,
            DefaultFor = DefaultFor is null ? null : Enum.Parse<Destination>(DefaultFor),
        };
    }
}
