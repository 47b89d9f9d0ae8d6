using System.Reflection;
using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sourcing.Tests.Support;
using Sourcing.Web.Navigation;
using Sourcing.Web.Security;

namespace Sourcing.Tests.Web;

public sealed class WebConventionsTests
{
    private static readonly Assembly WebAssembly = typeof(Policies).Assembly;

    [Fact]
    public void EveryPageModel_DeclaresPolicyOrAnonymous()
    {
        var pages = WebAssembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel))).ToList();

        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var declared = page.GetCustomAttribute<AuthorizeAttribute>() is not null || page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            Assert.True(declared, $"{page.FullName} must declare [Authorize(Policy = ...)] or [AllowAnonymous]");
        }
    }

    [Fact]
    public void EveryNavItem_UsesThePolicyOfItsPage()
    {
        foreach (var item in NavRegistry.Items.Where(i => !i.Page.StartsWith("/hangfire", StringComparison.Ordinal)))
        {
            var typeName = "Sourcing.Web.Pages" + (item.Page == "/" ? "" : item.Page.Replace('/', '.')) + ".IndexModel";
            // "/Forecast/Compare" is either Pages/Forecast/Compare/Index or Pages/Forecast/Compare.
            var lastDot = typeName.LastIndexOf(".IndexModel", StringComparison.Ordinal);
            var page = WebAssembly.GetType(typeName) ?? WebAssembly.GetType(typeName[..lastDot] + "Model");
            Assert.True(page is not null, $"No page model {typeName} for nav item {item.Page}");
            Assert.Equal(item.Policy, page!.GetCustomAttribute<AuthorizeAttribute>()?.Policy);
        }
    }

    [Fact]
    public void NavItems_TextsExistInBothLanguages()
    {
        var swedish = Keys("SharedResource.resx");
        foreach (var key in NavRegistry.Items.Select(i => i.TextKey).Concat(NavRegistry.Groups))
        {
            Assert.Contains(key, swedish);
        }
    }

    [Fact]
    public void ResourceFiles_HaveTheSameKeys()
    {
        var swedish = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.NotEmpty(swedish);
        Assert.Empty(swedish.Except(english));
        Assert.Empty(english.Except(swedish));
    }

    [Fact]
    public void OidcRoleMapper_MapsOnlyConfiguredValues()
    {
        var options = new OidcOptions
        {
            RoleClaim = "roles",
            RoleMap = new(StringComparer.OrdinalIgnoreCase) { ["Sourcing.Operations"] = "drift", ["group-123"] = "Ledning", ["bad"] = "Admin" },
        };
        var identity = new ClaimsIdentity(
            [new Claim("roles", "Sourcing.Operations"), new Claim("roles", "group-123"), new Claim("roles", "bad"),
             new Claim("roles", "Drift"), new Claim("groups", "group-123"), new Claim(ClaimTypes.Role, "Sourcing")],
            "oidc", "name", ClaimTypes.Role);

        OidcRoleMapper.Apply(identity, options);

        Assert.Equal(["Drift", "Ledning"], identity.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToArray());
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, "Web", "Resources", file)).Root!.Elements("data")
            .Select(e => (string)e.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
}
