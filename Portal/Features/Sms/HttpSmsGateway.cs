using System.Net.Http.Headers;
using Portal.Domain.Sms;
using Portal.Hosting;

namespace Portal.Features.Sms;

/// <summary>Section <c>Sms:Gateway</c>: the operator's HTTP endpoint, its bearer token and the sender line.</summary>
public sealed class HttpSmsGatewayOptions
{
    public string Url { get; set; } = "";
    public string? Token { get; set; }
    public string? Sender { get; set; }
}

/// <summary>
/// Sends through an SMS operator's HTTP API: <c>POST {Url}</c> with JSON <c>{"to", "text", "from"}</c> and
/// <c>Authorization: Bearer {Token}</c>; any non-success answer or network failure is <see cref="SmsNotSentException"/>.
/// Used instead of the outbox when <c>Sms:Gateway:Url</c> is set.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, HttpSmsGatewayOptions options) : ISmsSender
{
    public const string Section = "Sms:Gateway";

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config[$"{Section}:Url"]);

    public async Task SendAsync(string mobile, string text, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = JsonContent.Create(new { to = mobile, text, from = options.Sender }),
        };
        if (!string.IsNullOrEmpty(options.Token)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        try
        {
            using var response = await http.SendAsync(request, ct);
            // The status only: an operator's error body may echo the number.
            if (!response.IsSuccessStatusCode) throw new SmsNotSentException($"The SMS gateway answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            throw new SmsNotSentException("The SMS gateway could not be reached.", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SmsNotSentException("The SMS gateway did not answer in time.", e);
        }
    }
}
