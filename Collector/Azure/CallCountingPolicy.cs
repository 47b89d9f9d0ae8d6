using Azure.Core;
using Azure.Core.Pipeline;

namespace Sourcing.Collector.Azure;

/// <summary>Counts every HTTP attempt (retries included) that one collection sends to Resource Manager.</summary>
internal sealed class CallCountingPolicy : HttpPipelineSynchronousPolicy
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _calls);
}
