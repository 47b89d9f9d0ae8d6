using Sourcing.Collector.Azure;

namespace Sourcing.Tests.Collector.Azure;

public sealed class AzureVmSizesTests
{
    [Theory]
    [InlineData("Standard_B2s", 2, 4 * 1024)]
    [InlineData("Standard_B1ls", 1, 512)]
    [InlineData("Standard_D4s_v3", 4, 16 * 1024)]
    [InlineData("standard_d8ds_v4", 8, 32 * 1024)]
    [InlineData("Standard_D16as_v5", 16, 64 * 1024)]
    [InlineData("Standard_D8ls_v5", 8, 16 * 1024)]
    [InlineData("Standard_E8s_v3", 8, 64 * 1024)]
    [InlineData("Standard_E64s_v3", 64, 432 * 1024)]
    [InlineData("Standard_E64_v4", 64, 504 * 1024)]
    [InlineData("Standard_E96ads_v5", 96, 672 * 1024)]
    [InlineData("Standard_F16s_v2", 16, 32 * 1024)]
    [InlineData("Standard_DS3_v2", 4, 14 * 1024)]
    [InlineData("D2s_v5", 2, 8 * 1024)]
    public void Find_CommonSize_VCpusAndMemory(string name, int vcpus, long memoryMib)
    {
        var size = AzureVmSizes.Find(name);

        Assert.NotNull(size);
        Assert.Equal(vcpus, size.VCpus);
        Assert.Equal(memoryMib, size.MemoryMib);
    }

    [Theory]
    [InlineData("Standard_M8ms")]
    [InlineData("Standard_NC6s_v3")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownSize_Null(string? name) => Assert.Null(AzureVmSizes.Find(name));

    [Fact]
    public void Count_CoversTheSeries() => Assert.True(AzureVmSizes.Count > 250, $"{AzureVmSizes.Count} sizes");
}
