using System.Text;

namespace Sourcing.Collector.VSphere;

/// <summary>
/// Paths of the operations the collector uses, in both generations (vcenter.json, cis.json and
/// session.json 7.0.3): /rest prefixes filter parameters with "filter.", puts ids as "id:{id}"
/// for cis and spells actions "~action".
/// </summary>
internal static class VSpherePaths
{
    public static string Session(VSphereApiFlavor flavor) =>
        flavor == VSphereApiFlavor.Api ? "/api/session" : "/rest/com/vmware/cis/session";

    /// <summary>A vcenter list, e.g. List(Api, "vm", ("hosts", ["host-1"])).</summary>
    public static string List(VSphereApiFlavor flavor, string collection, params (string Name, IEnumerable<string> Values)[] filters)
    {
        var path = new StringBuilder(flavor == VSphereApiFlavor.Api ? "/api/vcenter/" : "/rest/vcenter/").Append(collection);
        var separator = '?';
        foreach (var (name, values) in filters)
        {
            foreach (var value in values)
            {
                path.Append(separator)
                    .Append(flavor == VSphereApiFlavor.Api ? name : "filter." + name)
                    .Append('=')
                    .Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return path.ToString();
    }

    public static string Vm(VSphereApiFlavor flavor, string vm) =>
        (flavor == VSphereApiFlavor.Api ? "/api/vcenter/vm/" : "/rest/vcenter/vm/") + Uri.EscapeDataString(vm);

    public static string GuestIdentity(VSphereApiFlavor flavor, string vm) => Vm(flavor, vm) + "/guest/identity";

    public static string Categories(VSphereApiFlavor flavor) => Tagging(flavor) + "category";

    public static string Category(VSphereApiFlavor flavor, string id) => Tagging(flavor) + "category/" + Id(flavor, id);

    public static string Tags(VSphereApiFlavor flavor) => Tagging(flavor) + "tag";

    public static string Tag(VSphereApiFlavor flavor, string id) => Tagging(flavor) + "tag/" + Id(flavor, id);

    /// <summary>POST with {"tag_ids": [...]}: every object each tag is attached to, in one call per batch.</summary>
    public static string AttachedObjectsOnTags(VSphereApiFlavor flavor) =>
        Tagging(flavor) + "tag-association?" + (flavor == VSphereApiFlavor.Api ? "action" : "~action") + "=list-attached-objects-on-tags";

    private static string Tagging(VSphereApiFlavor flavor) =>
        flavor == VSphereApiFlavor.Api ? "/api/cis/tagging/" : "/rest/com/vmware/cis/tagging/";

    private static string Id(VSphereApiFlavor flavor, string id) =>
        (flavor == VSphereApiFlavor.Api ? "" : "id:") + Uri.EscapeDataString(id);
}
