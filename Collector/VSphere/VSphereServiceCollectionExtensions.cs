using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sourcing.Collector.Inventory;

namespace Sourcing.Collector.VSphere;

public static class VSphereServiceCollectionExtensions
{
    /// <summary>Registers <see cref="VSphereCollector"/> as an <see cref="IResourceCollector"/> (Kind "vsphere").</summary>
    public static IServiceCollection AddVSphereCollector(this IServiceCollection services, VSphereClientOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options ?? new VSphereClientOptions());
        services.AddSingleton<VSphereCollector>();
        services.AddSingleton<IResourceCollector>(sp => sp.GetRequiredService<VSphereCollector>());
        return services;
    }
}
