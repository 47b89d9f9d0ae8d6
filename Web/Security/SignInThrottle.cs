using System.Collections.Concurrent;

namespace Sourcing.Web.Security;

/// <summary>
/// Failed sign-ins per client address: after <c>Authentication:SignInFailuresPerAddress</c> (default 4, one less than an
/// account's lockout threshold) failures within 15 minutes, the address may not try again until the oldest failure is
/// 15 minutes old. Kept in memory per web host: a restart forgets it, and several hosts each count their own.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly int _limit = Math.Max(1, configuration.GetValue("Authentication:SignInFailuresPerAddress", 4));

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool MayTry(string address)
    {
        if (!_failures.TryGetValue(address, out var queue))
        {
            return true;
        }

        lock (queue)
        {
            Prune(queue);
            return queue.Count < _limit;
        }
    }

    public void Failed(string address)
    {
        var queue = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue);
            queue.Enqueue(time.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> queue)
    {
        var now = time.GetUtcNow();
        while (queue.Count > 0 && now - queue.Peek() >= Window)
        {
            queue.Dequeue();
        }
    }
}
