using System.Collections.Concurrent;
using Sourcing.Collector.Planning;

namespace Sourcing.Web.Caching;

/// <summary>
/// Figures computed from the inventory, workloads, assessments, budgets and scenarios, kept by name until
/// the planning inputs' version (migration 0090, <see cref="PlanningInputVersion"/>) or the day changes.
/// The version is read before the figures are computed, so a kept value is never older than its key, and
/// any committed change raises the version: the next read computes again. One per web process; values are
/// shared between requests and must not be changed by callers.
/// </summary>
public sealed class InputsCache(PlanningInputVersion inputVersion, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string name, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        var key = await KeyAsync(cancellationToken);
        if (_entries.TryGetValue(name, out var kept) && kept.Key == key)
        {
            return (T)kept.Value;
        }

        var value = await compute(cancellationToken);
        // Never replace what newer inputs gave with a value computed alongside from older ones.
        _entries.AddOrUpdate(name, new Entry(key, value), (_, old) => old.Key.NewerThan(key) ? old : new Entry(key, value));
        return value;
    }

    /// <summary>True when the value kept under <paramref name="name"/> is that of the current inputs and day.</summary>
    public async Task<bool> IsCurrentAsync(string name, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        return _entries.TryGetValue(name, out var kept) && kept.Key == key;
    }

    private async Task<Key> KeyAsync(CancellationToken cancellationToken) =>
        new(await inputVersion.CurrentAsync(cancellationToken), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private readonly record struct Key(long InputVersion, DateOnly Day)
    {
        public bool NewerThan(Key other) => InputVersion > other.InputVersion || (InputVersion == other.InputVersion && Day > other.Day);
    }

    private sealed record Entry(Key Key, object Value);
}
