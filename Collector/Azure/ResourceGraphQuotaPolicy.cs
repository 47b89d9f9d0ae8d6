using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sourcing.Collector.Azure;

/// <summary>
/// Keeps Resource Graph queries inside the caller's quota (15 queries per 5-second window by default):
/// each answer says in <c>x-ms-user-quota-remaining</c> how many queries are left and in
/// <c>x-ms-user-quota-resets-after</c> (hh:mm:ss) when the window renews. At zero the next query,
/// a retry included, waits for the renewal instead of drawing a 429.
/// </summary>
internal sealed class ResourceGraphQuotaPolicy(TimeProvider time) : HttpPipelinePolicy
{
    public const string RemainingHeader = "x-ms-user-quota-remaining";
    public const string ResetsAfterHeader = "x-ms-user-quota-resets-after";

    private readonly Lock _gate = new();
    private int _remaining = int.MaxValue;
    private DateTimeOffset _resetsAt;
    private long _waitedTicks;
    private int _waits;

    /// <summary>Total time queries waited for a quota window.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public int Waits => Volatile.Read(ref _waits);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await WaitForQuotaAsync(message.CancellationToken);
        await ProcessNextAsync(message, pipeline);
        Record(message.Response);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        WaitForQuotaAsync(message.CancellationToken).GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
        Record(message.Response);
    }

    private async Task WaitForQuotaAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            wait = _remaining <= 0 ? _resetsAt - time.GetUtcNow() : TimeSpan.Zero;
        }

        if (wait > TimeSpan.Zero)
        {
            Interlocked.Add(ref _waitedTicks, wait.Ticks);
            Interlocked.Increment(ref _waits);
            await Task.Delay(wait, time, cancellationToken);
        }

        lock (_gate)
        {
            if (_remaining <= 0 && time.GetUtcNow() >= _resetsAt)
            {
                _remaining = int.MaxValue; // a fresh window; the next answer says how much of it is left
            }
        }
    }

    private void Record(Response? response)
    {
        if (response is null)
        {
            return;
        }

        var hasRemaining = response.Headers.TryGetValue(RemainingHeader, out var remainingText)
            && int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        var hasReset = response.Headers.TryGetValue(ResetsAfterHeader, out var resetText)
            && TimeSpan.TryParse(resetText, CultureInfo.InvariantCulture, out _);
        if (!hasRemaining && !hasReset)
        {
            return;
        }

        lock (_gate)
        {
            if (hasRemaining)
            {
                _remaining = int.Parse(remainingText!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            }

            if (response.Status == 429)
            {
                _remaining = 0;
            }

            if (hasReset)
            {
                _resetsAt = time.GetUtcNow() + TimeSpan.Parse(resetText!, CultureInfo.InvariantCulture);
            }
        }
    }
}
