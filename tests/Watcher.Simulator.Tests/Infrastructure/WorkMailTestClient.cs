using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Watcher.Simulator.Tests.Infrastructure;

/// <summary>Talks to a simulator over real loopback HTTP, signing with <see cref="TestSigner"/>.</summary>
internal sealed class WorkMailTestClient(WorkMailSimulator simulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = simulator.ServiceUrl };

    public Task<TestResponse> CallAsync(string operation, object input) =>
        SendAsync(new TestRequest { Target = "WorkMailService." + operation, Body = JsonSerializer.Serialize(input) });

    public async Task<TestResponse> SendAsync(TestRequest request)
    {
        using var message = CreateMessage(request);
        using var response = await _http.SendAsync(message);
        return new TestResponse(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers);
    }

    public Task<RawResponse> CallRawAsync(string operation, object input) =>
        SendRawAsync(new TestRequest { Target = "WorkMailService." + operation, Body = JsonSerializer.Serialize(input) });

    /// <summary>Reads the answer byte by byte as it arrives and reports how far it got, instead of throwing.</summary>
    public async Task<RawResponse> SendRawAsync(TestRequest request)
    {
        using var message = CreateMessage(request);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException e)
        {
            return new RawResponse(null, null, [], e);
        }

        using (response)
        {
            using var received = new MemoryStream();
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync();
                await body.CopyToAsync(received);
                return new RawResponse((int)response.StatusCode, response.Content.Headers.ContentLength, received.ToArray(), null);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                return new RawResponse((int)response.StatusCode, response.Content.Headers.ContentLength, received.ToArray(), e);
            }
        }
    }

    private HttpRequestMessage CreateMessage(TestRequest request)
    {
        var body = Encoding.UTF8.GetBytes(request.Body);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(simulator.ServiceUrl, request.Path));
        if (request.Method != "GET")
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        if (request.Target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", request.Target);
        }

        if (request.SessionToken is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", request.SessionToken);
        }

        if (request.Sign)
        {
            TestSigner.Sign(
                message,
                request.Method == "GET" ? [] : body,
                request.AccessKeyId ?? simulator.Credentials.AccessKeyId,
                request.SecretAccessKey ?? simulator.Credentials.SecretAccessKey,
                request.Region ?? simulator.Region,
                request.Service,
                DateTimeOffset.UtcNow,
                request.SignSessionToken);
        }

        request.AfterSigning?.Invoke(message);
        return message;
    }

    public void Dispose() => _http.Dispose();
}
