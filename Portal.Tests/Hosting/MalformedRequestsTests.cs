using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Eligibility;
using Xunit.Abstractions;

namespace Portal.Tests.Hosting;

/// <summary>
/// Every API and download endpoint of the app (read from its endpoint table, so a new one cannot be left out) gets
/// malformed requests: empty and truncated bodies, missing and wrong content types, an oversized body, garbage in every
/// query and route value. None may answer 5xx, an API never redirects to the sign-in page, and the refusals named in
/// issue 18 get their exact status with a Persian message. Run in Development (where binding errors throw) and in a
/// non-development environment (where they did not).
/// </summary>
public sealed class MalformedRequestsTests(ITestOutputHelper output)
{
    private sealed record Row(string Method, string Path, string Case, string Client, HttpStatusCode Status, string? ContentType, string Body, string? Location);

    private static readonly string[] Users = ["headoffice", "kerman.review", "kerman.generaloffice", "kerman.treatment", "kerman.director", "kerman.governor"];

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public async Task MalformedRequests_ToEveryApiAndDownload_AreNever5xx_AndAreRefusedInPersian(string environment)
    {
        using var portal = new PortalFactory
        {
            Environment = environment,
            Settings = { ["Eligibility:Personal:PerIpPermits"] = "100000", ["Eligibility:Personal:MinimumStartTime"] = "00:00:00" },
        };
        await portal.SeededAsync();
        var key = await (await portal.AsAsync<InquiryApiKeys>("kerman.treatment")).IssueAsync("MC-08-01");
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = portal.Client() };
        var apiKey = portal.Client();
        apiKey.DefaultRequestHeaders.Add(InquiryApiKey.Header, key);
        clients["api-key"] = apiKey;
        foreach (var user in Users) clients[user] = await PortalFactory.SignedInClientAsync(portal, user);
        int agreement;
        await using (var db = Acting.SystemDb(portal)) agreement = await db.OffsetAgreements.Select(a => a.Id).FirstOrDefaultAsync() is var id and > 0 ? id : 1;

        var rows = new List<Row>();
        async Task<Row> Send(string clientName, string method, string path, string @case, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
            HttpResponseMessage response;
            // A connection the server drops is a failure too, shown in the table rather than ending the sweep.
            try { response = await clients[clientName].SendAsync(request); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                var aborted = new Row(method, path.Length > 90 ? path[..90] + "…" : path, @case, clientName, 0, null, "aborted: " + e.GetBaseException().Message, null);
                rows.Add(aborted);
                return aborted;
            }
            using var _ = response;
            var body = await response.Content.ReadAsStringAsync();
            var row = new Row(method, path.Length > 90 ? path[..90] + "…" : path, @case, clientName, response.StatusCode,
                response.Content.Headers.ContentType?.MediaType, body, response.Headers.Location?.OriginalString);
            rows.Add(row);
            return row;
        }

        // The general sweep: every endpoint that is not a page, with every malformed shape that fits it.
        foreach (var endpoint in Endpoints(portal))
        {
            var method = endpoint.Methods.First();
            var path = endpoint.Path(agreement);
            // The first user the endpoint lets in (the API key for the centres' API); anonymous if none does.
            var client = "anonymous";
            // Signing out is the one endpoint a probe must not send as a user: it would sign the user out for the rest.
            foreach (var candidate in path == "/account/logout" ? Enumerable.Empty<string>() : clients.Keys.Skip(1))
            {
                var probe = await Send(candidate, method, path, "probe", method == "GET" ? null : Json("{}"));
                if (probe.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    && probe.Location?.Contains("/account/login") != true)
                {
                    client = candidate;
                    break;
                }
            }
            await Send("anonymous", method, path, "anonymous", method == "GET" ? null : Json("{}"));
            foreach (var (name, query) in endpoint.GarbageQueries()) await Send(client, method, path + query, name, method == "GET" ? null : Json("{}"));
            foreach (var (name, garbagePath) in endpoint.GarbageRoutes(agreement)) await Send(client, method, garbagePath, name, method == "GET" ? null : Json("{}"));
            if (method == "GET") continue;
            await Send(client, method, path, "empty body, json type", Json(""));
            await Send(client, method, path, "empty body, no type", new ByteArrayContent([]));
            await Send(client, method, path, "json, no content type", new ByteArrayContent("{}"u8.ToArray()));
            await Send(client, method, path, "text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"));
            await Send(client, method, path, "truncated json", Json("{\"nationalId\":"));
            await Send(client, method, path, "json array", Json("[]"));
            await Send(client, method, path, "wrong-typed json", Json("{\"nationalId\":12,\"version\":\"not-a-guid\",\"challenge\":[],\"code\":{}}"));
            await Send(client, method, path, "not json", Json("<xml/>"));
            await Send(client, method, path, "form, no token", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));
            await Send(client, method, path, "multipart, no token", new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.xlsx" } });
            await Send(client, method, path, "50 MB body", Json("{\"nationalId\":\"" + new string('1', 50 * 1024 * 1024) + "\"}"));
        }

        // The cases issue 18 names, each with the answer it must get.
        var expected = new List<(Row Row, HttpStatusCode Status, string Shape)>();
        async Task Expect(string client, string method, string path, string @case, HttpContent? content, HttpStatusCode status, string shape = "problem") =>
            expected.Add((await Send(client, method, path, @case, content), status, shape));
        const string Fhir = "/fhir/CoverageEligibilityRequest";
        const string General = "/api/v1/eligibility/general";
        await Expect("api-key", "POST", Fhir, "value: 12", Fhir_("{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"identifier\":{\"value\":12}}}"), HttpStatusCode.BadRequest, "fhir");
        await Expect("api-key", "POST", Fhir, "patient: []", Fhir_("{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":[]}"), HttpStatusCode.BadRequest, "fhir");
        await Expect("api-key", "POST", Fhir, "identifier: \"x\"", Fhir_("{\"resourceType\":\"CoverageEligibilityRequest\",\"patient\":{\"identifier\":\"x\"}}"), HttpStatusCode.BadRequest, "fhir");
        await Expect("api-key", "POST", Fhir, "contained: [1]", Fhir_("{\"resourceType\":\"CoverageEligibilityRequest\",\"contained\":[1]}"), HttpStatusCode.BadRequest, "fhir");
        await Expect("api-key", "POST", Fhir, "50 MB body", Json("{\"resourceType\":\"CoverageEligibilityRequest\",\"x\":\"" + new string('1', 50 * 1024 * 1024) + "\"}"),
            HttpStatusCode.RequestEntityTooLarge, "fhir");
        await Expect("api-key", "POST", Fhir, "text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, "fhir");
        await Expect("api-key", "POST", General, "truncated json", Json("{\"nationalId\":"), HttpStatusCode.BadRequest);
        await Expect("api-key", "POST", General, "empty body", Json(""), HttpStatusCode.BadRequest);
        await Expect("api-key", "POST", General, "no content type", new ByteArrayContent("{\"nationalId\":\"1\"}"u8.ToArray()), HttpStatusCode.UnsupportedMediaType);
        await Expect("api-key", "POST", General, "text/plain", new StringContent("{\"nationalId\":\"1\"}", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await Expect("api-key", "POST", General, "50 MB body", Json("{\"nationalId\":\"" + new string('1', 50 * 1024 * 1024) + "\"}"), HttpStatusCode.RequestEntityTooLarge);
        await Expect("anonymous", "POST", General, "no key", Json("{\"nationalId\":\"1\"}"), HttpStatusCode.Unauthorized);
        await Expect("anonymous", "POST", Fhir, "no key", Fhir_("{}"), HttpStatusCode.Unauthorized, "fhir");
        await Expect("anonymous", "GET", "/api/v1/reports/monthly?period=1403-01", "no cookie", null, HttpStatusCode.Unauthorized);
        await Expect("anonymous", "POST", $"/api/v1/offset/agreements/{agreement}/confirmations", "no cookie", Json("{}"), HttpStatusCode.Unauthorized);
        await Expect("kerman.generaloffice", "POST", $"/api/v1/offset/agreements/{agreement}/confirmations", "version: not-a-guid",
            Json("{\"version\":\"not-a-guid\"}"), HttpStatusCode.BadRequest);
        await Expect("kerman.generaloffice", "POST", $"/api/v1/offset/agreements/{agreement}/confirmations", "empty body", Json(""), HttpStatusCode.BadRequest);
        await Expect("kerman.generaloffice", "POST", $"/api/v1/offset/agreements/{agreement}/confirmations", "no content type",
            new ByteArrayContent("{}"u8.ToArray()), HttpStatusCode.UnsupportedMediaType);
        // The offices' API signs in by cookie: a centre's key is no credential there.
        await Expect("api-key", "POST", $"/api/v1/offset/agreements/{agreement}/confirmations", "centre key", Json("{}"), HttpStatusCode.Unauthorized);
        await Expect("anonymous", "POST", "/api/v1/eligibility/personal", "truncated json", Json("{\"nationalId\":"), HttpStatusCode.BadRequest);
        await Expect("anonymous", "POST", "/api/v1/eligibility/personal/verify", "no content type", new ByteArrayContent("{}"u8.ToArray()), HttpStatusCode.UnsupportedMediaType);
        foreach (var query in new[] { "sort=Nope", "province=abc", "desc=maybe", "status=Nope" })
            await Expect("headoffice", "GET", $"/agencies/export.xlsx?{query}", query, null, HttpStatusCode.BadRequest);
        await Expect("anonymous", "GET", "/culture/fa-IR?returnUrl=//evil.example", "returnUrl //evil.example", null, HttpStatusCode.BadRequest);
        await Expect("anonymous", "GET", "/culture/fa-IR?returnUrl=/%5Cevil.example", "returnUrl /\\evil.example", null, HttpStatusCode.BadRequest);
        await Expect("anonymous", "GET", "/culture/xx-XX", "unknown culture", null, HttpStatusCode.BadRequest);
        foreach (var paper in new[] { "0", "4" })
            await Expect("headoffice", "GET", $"/offset/1/papers/{paper}", $"paper {paper}", null, HttpStatusCode.NotFound, "any");
        // Not a paper's name nor a number: the path does not parse, a malformed request.
        await Expect("headoffice", "GET", "/offset/1/papers/Nope", "paper Nope", null, HttpStatusCode.BadRequest);

        // Signing in from a link to a page whose address holds Persian (a search): back to that page, its address escaped.
        var signIn = portal.Client();
        var returnUrl = "/agencies?q=" + "تهران";
        var login = await signIn.GetAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var signedIn = await PortalFactory.PostFormAsync(signIn, "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), "login",
            await login.Content.ReadAsStringAsync(), new() { ["Input.UserName"] = "headoffice", ["Input.Password"] = Portal.Demo.DemoSeeder.DemoPassword });
        rows.Add(new Row("GET", "/account/login?ReturnUrl=/agencies?q=تهران", "page", "anonymous", login.StatusCode, null, "", null));
        var signInRow = new Row("POST", "/account/login?ReturnUrl=/agencies?q=تهران", "sign in", "anonymous", signedIn.StatusCode, null, "",
            signedIn.Headers.Location?.OriginalString);
        rows.Add(signInRow);

        output.WriteLine($"Environment: {environment}");
        output.WriteLine($"{"method",-6} | {"path",-70} | {"case",-28} | {"client",-20} | status");
        foreach (var row in rows.Where(r => r.Case != "probe"))
            output.WriteLine($"{row.Method,-6} | {row.Path,-70} | {Cut(row.Case, 28),-28} | {row.Client,-20} | {(int)row.Status} {Cut(row.Location, 60)}");

        Assert.Empty(rows.Where(r => (int)r.Status >= 500 || r.Status == 0).Select(r => $"{r.Method} {r.Path} [{r.Case}] → {(int)r.Status}"));
        Assert.Empty(rows.Where(r => IsApi(r.Path) && r.Status is HttpStatusCode.Redirect or HttpStatusCode.Found)
            .Select(r => $"{r.Method} {r.Path} [{r.Case}] → {(int)r.Status} {r.Location}"));
        Assert.Empty(rows.Where(r => r.Body.Contains("Cookie") || Regex.IsMatch(r.Body, @"\bat [A-Z][\w.]+\(")).Select(r => $"{r.Method} {r.Path} [{r.Case}]"));
        var wrong = new List<string>();
        foreach (var (row, status, shape) in expected)
        {
            var problem = shape switch
            {
                "fhir" => row.ContentType == "application/fhir+json" && Diagnostics(row.Body) is { } d && IsPersian(d) ? null : "not a Persian OperationOutcome",
                "problem" => row.ContentType == "application/problem+json" && Title(row.Body) is { } t && IsPersian(t) ? null : "not a Persian problem",
                _ => null,
            };
            if (row.Status != status || problem is not null)
                wrong.Add($"{row.Method} {row.Path} [{row.Case}] → {(int)row.Status} {row.ContentType} {Cut(row.Body, 300)}, expected {(int)status} {problem}");
        }
        foreach (var line in wrong) output.WriteLine("WRONG: " + line);
        Assert.Empty(wrong);
        Assert.Equal(HttpStatusCode.Redirect, signInRow.Status);
        // The sign-in page navigates by absolute address (http://host/...): the path and query are what matter.
        Assert.EndsWith("/agencies?q=" + Uri.EscapeDataString("تهران"), signInRow.Location);
    }

    private static string Cut(string? text, int length) => text is null ? "" : text.Length > length ? text[..(length - 1)] + "…" : text;

    private static bool IsApi(string path) => path.StartsWith("/api/") || path.StartsWith("/fhir/");

    private static bool IsPersian(string text) => Regex.IsMatch(text, "[\u0600-\u06FF]");

    private static string? Title(string body) => Read(body, e => e.TryGetProperty("title", out var t) ? t.GetString() : null);

    private static string? Diagnostics(string body) => Read(body, e =>
        e.GetProperty("resourceType").GetString() == "OperationOutcome" ? e.GetProperty("issue")[0].GetProperty("diagnostics").GetString() : null);

    private static string? Read(string body, Func<JsonElement, string?> read)
    {
        try { return read(JsonDocument.Parse(body).RootElement); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException) { return null; }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent Fhir_(string body) => new(body, Encoding.UTF8, "application/fhir+json");

    private sealed record Endpoint(RoutePattern Pattern, IReadOnlyList<string> Methods, MethodInfo? Handler)
    {
        public string Path(int agreement) => Fill(Pattern, name => Default(name, agreement));

        private string Default(string name, int agreement) => name switch
        {
            "paper" => "CoverLetter",
            "culture" => "fa-IR",
            _ when Pattern.GetParameter(name)!.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            _ when Pattern.GetParameter(name)!.ParameterPolicies.Any(p => p.Content == "int") => agreement.ToString(),
            _ => "x",
        };

        /// <summary>A value of the wrong kind for each query parameter of the handler, one at a time and all at once.</summary>
        public IEnumerable<(string Case, string Query)> GarbageQueries()
        {
            var query = (Handler?.GetParameters() ?? []).Where(p => Pattern.GetParameter(p.Name!) is null && IsSimple(p.ParameterType)).ToList();
            foreach (var p in query)
            {
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                foreach (var value in Garbage(type)) yield return ($"{p.Name}={value}", $"?{Query(p)}={Uri.EscapeDataString(value)}");
            }
            if (query.Count > 1) yield return ("all query garbage", "?" + string.Join("&", query.Select(p => $"{Query(p)}=Nope")));
            if (query.Count > 0) yield return ("query repeated", "?" + string.Join("&", query.Select(p => $"{Query(p)}=1&{Query(p)}=2")));
        }

        public IEnumerable<(string Case, string Path)> GarbageRoutes(int agreement)
        {
            foreach (var parameter in Pattern.Parameters)
                foreach (var value in new[] { "0", "-1", "99999999999", "4", "Nope", "%00", "تهران" })
                    yield return ($"{{{parameter.Name}}}={value}", Fill(Pattern, name => name == parameter.Name ? value : Default(name, agreement)));
        }

        private static string Query(ParameterInfo p) => p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? p.Name!;

        private static bool IsSimple(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateOnly);
        }

        private static string[] Garbage(Type type) =>
            type == typeof(string) ? ["Nope", "", "../../etc/passwd", "'\"<>", "۱۴۰۳-۱۳", new string('x', 5000)]
            : type == typeof(bool) ? ["maybe", ""]
            : type.IsEnum ? ["Nope", "99", "-1", ""]
            : ["abc", "99999999999", "-1", "1.5", ""];

        private static string Fill(RoutePattern pattern, Func<string, string> value) => "/" + string.Join("/", pattern.PathSegments.Select(s =>
            string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart l => l.Content,
                RoutePatternSeparatorPart sep => sep.Content,
                RoutePatternParameterPart param => Uri.EscapeDataString(value(param.Name)),
                _ => "",
            }))));
    }

    /// <summary>The app's own endpoints that are not pages (Razor components), static assets or the health check.</summary>
    private static List<Endpoint> Endpoints(PortalFactory portal)
    {
        var found = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("_") && !raw.StartsWith("/_") && raw != "/health" && !raw.Contains("{**"))
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null)
            .Select(e => new Endpoint(e.RoutePattern, e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods, e.Metadata.GetMetadata<MethodInfo>()))
            .ToList();
        Assert.Contains(found, e => e.Pattern.RawText == "/fhir/CoverageEligibilityRequest");
        Assert.Contains(found, e => e.Pattern.RawText == "/agencies/export.xlsx");
        return found;
    }
}
