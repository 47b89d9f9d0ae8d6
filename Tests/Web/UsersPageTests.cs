using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Collector.Auth;
using Sourcing.Web.Security;

namespace Sourcing.Tests.Web;

/// <summary>
/// The user admin page (/Users). Every test creates its own accounts: the seeded drift/sourcing/ledning
/// accounts are shared with other tests and only act here, they are never changed.
/// </summary>
[Collection("Web")]
public sealed partial class UsersPageTests(WebAppFixture app)
{
    private const string NewPassword = "Ett-langt-losenord-42";

    [Fact]
    public async Task Add_TypedPassword_UserCanSignInAndOnlyHashIsStored()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = UniqueName("anna");

        using var response = await AddAsync(admin, name, [Roles.Sourcing, Roles.Ledning], NewPassword, displayName: "Anna Andersson");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Users", response.Headers.Location!.OriginalString);
        var row = await RowAsync(name);
        Assert.Equal("Anna Andersson", row.DisplayName);
        Assert.Equal([Roles.Sourcing, Roles.Ledning], row.Roles);
        Assert.DoesNotContain(NewPassword, row.PasswordHash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", row.PasswordHash, StringComparison.Ordinal);
        using var user = await SignedInAsync(name, NewPassword);
        using var forecast = await user.GetAsync("/Forecast");
        Assert.Equal(HttpStatusCode.OK, forecast.StatusCode);
        var list = await admin.GetStringAsync("/Users");
        Assert.Contains($">{name}<", list, StringComparison.Ordinal);
        Assert.Contains("Användaren " + name + " är skapad.", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_GeneratedPassword_IsShownOnceAndWorks()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = UniqueName("gen");

        using var response = await PostAsync(admin, "/Users/Add", "/Users/Add",
        [
            new("Input.UserName", name), new("Input.Roles", Roles.Ledning), new("NewPassword.Mode", "generate"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var password = GeneratedPassword().Match(html).Groups[1].Value;
        Assert.Equal(20, password.Length);
        Assert.Contains("visas bara nu", html, StringComparison.Ordinal);
        Assert.DoesNotContain(password, (await RowAsync(name)).PasswordHash, StringComparison.Ordinal);
        using var user = await SignedInAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Forecast")).StatusCode);
        // Shown once: neither the list nor the account's page has it.
        Assert.DoesNotContain(password, await admin.GetStringAsync("/Users"), StringComparison.Ordinal);
        Assert.DoesNotContain(password, await admin.GetStringAsync($"/Users/Edit/{(await RowAsync(name)).Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kort-12345", "Nytt lösenord: minst 12 tecken.")]
    [InlineData("SAME-AS-NAME", "Nytt lösenord: får inte vara användarnamnet.")]
    public async Task Add_WeakPassword_IsRefusedWithLinkedError(string password, string message)
    {
        using var admin = await app.SignedInAsync("drift");
        var name = password == "SAME-AS-NAME" ? UniqueName("same") : UniqueName("weak");
        password = password == "SAME-AS-NAME" ? name.ToUpperInvariant() : password;

        using var response = await AddAsync(admin, name, [Roles.Drift], password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("href=\"#NewPassword_Password\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"NewPassword_Password\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"NewPassword_Password-help NewPassword_Password-error\"", html);
        Assert.Contains("id=\"NewPassword_Password-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        Assert.Null(await new UserStore(app.Database.DataSource).FindAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task Add_MismatchedConfirmation_IsRefused()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = UniqueName("typo");

        using var response = await AddAsync(admin, name, [], NewPassword, confirm: NewPassword + "x");

        Assert.Contains("Upprepa lösenordet: stämmer inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await new UserStore(app.Database.DataSource).FindAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task Add_DuplicateNameInOtherCase_IsRefusedAndExistingUnchanged()
    {
        using var admin = await app.SignedInAsync("drift");
        var before = await RowAsync("sourcing");

        using var response = await AddAsync(admin, "SOURCING", [Roles.Drift], NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("det finns redan en användare som heter ”SOURCING”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await RowAsync("sourcing");
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.Equal(before.Roles, after.Roles);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
    }

    [Fact]
    public async Task ChangeRoles_SignedInUser_NextRequestHasNewRoles()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = await CreateAsync(admin, [Roles.Drift]);
        using var user = await SignedInAsync(name, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/Scenarios")).StatusCode);
        var row = await RowAsync(name);

        using var saved = await PostAsync(admin, $"/Users/Edit/{row.Id}", $"/Users/Edit/{row.Id}",
            [new("Input.DisplayName", "Ny Roll"), new("Input.Roles", Roles.Sourcing)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var sources = await user.GetAsync("/Sources");
        Assert.Equal(HttpStatusCode.Redirect, sources.StatusCode);
        Assert.StartsWith("/Account/Denied", sources.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var scenarios = await user.GetAsync("/Scenarios");
        Assert.Equal(HttpStatusCode.OK, scenarios.StatusCode);
        Assert.Contains("Ny Roll", await scenarios.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([Roles.Sourcing], (await RowAsync(name)).Roles);
    }

    [Fact]
    public async Task Disable_SignedInUser_NextRequestGoesToSignInAndEnableLetsBackIn()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = await CreateAsync(admin, [Roles.Ledning]);
        using var user = await SignedInAsync(name, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);
        var id = (await RowAsync(name)).Id;

        using var disabled = await PostAsync(admin, $"/Users/Edit/{id}?handler=Enabled&enabled=false", $"/Users/Edit/{id}", []);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False((await RowAsync(name)).Enabled);
        using var next = await user.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/SignIn", next.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using (var again = app.Anonymous())
        using (var refused = await WebAppFixture.SignInAsync(again, name, NewPassword))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var enabled = await PostAsync(admin, $"/Users/Edit/{id}?handler=Enabled&enabled=true", $"/Users/Edit/{id}", []);
        Assert.True((await RowAsync(name)).Enabled);
        using var back = await SignedInAsync(name, NewPassword);
    }

    [Fact]
    public async Task ResetPassword_Typed_EndsSessionsAndOnlyNewPasswordWorks()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = await CreateAsync(admin, [Roles.Ledning]);
        using var user = await SignedInAsync(name, NewPassword);
        var id = (await RowAsync(name)).Id;
        const string Replacement = "Helt-nytt-losenord-77";

        using var reset = await PostAsync(admin, $"/Users/Edit/{id}?handler=Password", $"/Users/Edit/{id}",
            [new("NewPassword.Mode", "typed"), new("NewPassword.Password", Replacement), new("NewPassword.Confirm", Replacement)]);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var next = await user.GetAsync("/");
        Assert.StartsWith("/Account/SignIn", next.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using (var old = app.Anonymous())
        using (var refused = await WebAppFixture.SignInAsync(old, name, NewPassword))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var withNew = await SignedInAsync(name, Replacement);
    }

    [Fact]
    public async Task ResetPassword_Generated_ShownOnceAndWorks()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = await CreateAsync(admin, [Roles.Ledning]);
        var id = (await RowAsync(name)).Id;

        using var reset = await PostAsync(admin, $"/Users/Edit/{id}?handler=Password", $"/Users/Edit/{id}", [new("NewPassword.Mode", "generate")]);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var password = GeneratedPassword().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(20, password.Length);
        using var user = await SignedInAsync(name, password);
        Assert.DoesNotContain(password, await admin.GetStringAsync($"/Users/Edit/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnAccount_DriftRoleAndDisable_AreRefusedButOwnPasswordKeepsSession()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = await CreateAsync(admin, [Roles.Drift]);
        using var self = await SignedInAsync(name, NewPassword);
        var id = (await RowAsync(name)).Id;

        using var roles = await PostAsync(self, $"/Users/Edit/{id}", $"/Users/Edit/{id}", [new("Input.Roles", Roles.Sourcing)]);
        using var disable = await PostAsync(self, $"/Users/Edit/{id}?handler=Enabled&enabled=false", $"/Users/Edit/{id}", []);

        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        var rolesHtml = await roles.Content.ReadAsStringAsync();
        Assert.Contains("Du kan inte ta bort din egen roll Drift", rolesHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Roles_Drift\"", rolesHtml, StringComparison.Ordinal);
        Assert.Contains("Du kan inte stänga av ditt eget konto", await disable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = await RowAsync(name);
        Assert.Equal([Roles.Drift], row.Roles);
        Assert.True(row.Enabled);

        // A new password of one's own renews the stamp, and the page signs the user in again with it.
        using var reset = await PostAsync(self, $"/Users/Edit/{id}?handler=Password", $"/Users/Edit/{id}",
            [new("NewPassword.Mode", "typed"), new("NewPassword.Password", NewPassword + "!"), new("NewPassword.Confirm", NewPassword + "!")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.NotEqual(row.SecurityStamp, (await RowAsync(name)).SecurityStamp);
        Assert.Equal(HttpStatusCode.OK, (await self.GetAsync("/Users")).StatusCode);
    }

    [Fact]
    public async Task Unlock_LockedAccount_CanSignInAgain()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = await CreateAsync(admin, [Roles.Ledning]);
        using (var guesser = app.Anonymous())
        {
            for (var i = 0; i < LocalAccounts.MaxFailures; i++)
            {
                using var failed = await WebAppFixture.SignInAsync(guesser, name, "wrong-" + i);
            }
        }

        var id = (await RowAsync(name)).Id;
        Assert.Contains("id=\"unlock\"", await admin.GetStringAsync($"/Users/Edit/{id}"), StringComparison.Ordinal);

        using var unlocked = await PostAsync(admin, $"/Users/Edit/{id}?handler=Unlock", $"/Users/Edit/{id}", []);

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Null((await RowAsync(name)).LockoutUntil);
        using var user = await SignedInAsync(name, NewPassword);
    }

    [Fact]
    public async Task List_ScriptInNames_IsEncoded()
    {
        using var admin = await app.SignedInAsync("drift");
        var name = UniqueName("<i>x</i>");

        using var response = await AddAsync(admin, name, [], NewPassword, displayName: "<script>alert(1)</script>");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await admin.GetStringAsync("/Users");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>x</i>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sourcing")]
    [InlineData("ledning")]
    [InlineData("norole")]
    public async Task EveryHandler_NotDrift_IsDenied(string who)
    {
        using var admin = await app.SignedInAsync("drift");
        var target = await CreateAsync(admin, [Roles.Ledning]);
        var id = (await RowAsync(target)).Id;
        var before = await RowAsync(target);
        using var client = await app.SignedInAsync(who);
        // A valid antiforgery token of this user (from the layout's language form), so only authorization can refuse.
        var token = await WebAppFixture.TokenAsync(client, "/Account/SignIn");

        var gets = new[] { "/Users", "/Users/Add", $"/Users/Edit/{id}" };
        var posts = new[]
        {
            "/Users/Add", $"/Users/Edit/{id}", $"/Users/Edit/{id}?handler=Password", $"/Users/Edit/{id}?handler=Unlock",
            $"/Users/Edit/{id}?handler=Enabled&enabled=false",
        };
        foreach (var path in gets)
        {
            using var response = await client.GetAsync(path);
            AssertDenied(response, who, path);
        }

        foreach (var path in posts)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = UniqueName("sneak"),
                ["Input.Roles"] = Roles.Drift,
                ["NewPassword.Mode"] = "typed",
                ["NewPassword.Password"] = NewPassword,
                ["NewPassword.Confirm"] = NewPassword,
            });
            using var response = await client.PostAsync(path, form);
            AssertDenied(response, who, "POST " + path);
        }

        var after = await RowAsync(target);
        Assert.Equal(before.Roles, after.Roles);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
        Assert.True(after.Enabled);
    }

    [Fact]
    public async Task Validator_OidcSession_IsCheckedForItsSessionOnly()
    {
        var session = await new SessionStore(app.Database.DataSource).StartAsync(null, "anna@region.se", "oidc", null, DateTimeOffset.UtcNow, CancellationToken.None);
        // Only the session store: an OIDC session must not even look for a local account (no UserStore here).
        var services = new ServiceCollection().AddSingleton(new SessionStore(app.Database.DataSource)).AddLogging()
            .AddSingleton(TimeProvider.System).AddAuthentication().AddCookie().Services.BuildServiceProvider();

        CookieValidatePrincipalContext Context(ClaimsPrincipal principal) => new(
            new DefaultHttpContext { RequestServices = services },
            new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler)),
            new CookieAuthenticationOptions(), new AuthenticationTicket(principal, CookieAuthenticationDefaults.AuthenticationScheme));

        ClaimsPrincipal Oidc(params Claim[] extra) => new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "anna@region.se"), new Claim(ClaimTypes.Role, Roles.Drift), new Claim(SourcingClaims.AuthMethod, "oidc"), .. extra],
            "oidc", ClaimTypes.Name, ClaimTypes.Role));

        var live = Oidc(new Claim(SourcingClaims.SessionId, session.ToString("N")));
        var liveContext = Context(live);
        await LocalSessionValidator.ValidateAsync(liveContext);
        Assert.Same(live, liveContext.Principal);
        Assert.False(liveContext.ShouldRenew);

        var noSession = Context(Oidc());
        await LocalSessionValidator.ValidateAsync(noSession);
        Assert.Null(noSession.Principal);
    }

    [Fact]
    public async Task Nav_Drift_HasUsersLinkOthersNot()
    {
        using var drift = await app.SignedInAsync("drift");
        using var sourcing = await app.SignedInAsync("sourcing");

        Assert.Contains("href=\"/Users\"", await drift.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Users\"", await sourcing.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static void AssertDenied(HttpResponseMessage response, string who, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{who} {path}: {response.StatusCode}");
        Assert.StartsWith("/Account/Denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Adds an account through the page with <see cref="NewPassword"/> and returns its name.</summary>
    private static async Task<string> CreateAsync(HttpClient admin, string[] roles)
    {
        var name = UniqueName("u");
        using var response = await AddAsync(admin, name, roles, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return name;
    }

    private static Task<HttpResponseMessage> AddAsync(
        HttpClient admin, string name, string[] roles, string password, string? displayName = null, string? confirm = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.UserName", name),
            new("Input.DisplayName", displayName ?? ""),
            new("NewPassword.Mode", "typed"),
            new("NewPassword.Password", password),
            new("NewPassword.Confirm", confirm ?? password),
        };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r)));
        return PostAsync(admin, "/Users/Add", "/Users/Add", fields);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string tokenPage, List<KeyValuePair<string, string>> fields)
    {
        var token = await WebAppFixture.TokenAsync(client, tokenPage);
        fields.Add(new("__RequestVerificationToken", token));
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    private async Task<HttpClient> SignedInAsync(string name, string password)
    {
        var client = app.Anonymous();
        using var response = await WebAppFixture.SignInAsync(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {name}: {response.StatusCode}");
        return client;
    }

    private async Task<AppUser> RowAsync(string name) =>
        await new UserStore(app.Database.DataSource).FindAsync(name, CancellationToken.None)
        ?? throw new InvalidOperationException("No user " + name);

    [GeneratedRegex("id=\"generated-password\">([^<]+)</code>")]
    private static partial Regex GeneratedPassword();
}
