using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Watcher.Web;

/// <summary>
/// The status page's one stylesheet and the Content-Security-Policy that admits exactly it. The stylesheet is
/// constant, so its hash is too: no nonce per request, no <c>'unsafe-inline'</c>, and no script at all.
/// </summary>
internal static class StatusPageStyle
{
    /// <summary>
    /// Progress bars get their width from a class (<c>w0</c> to <c>w100</c>) rather than a style attribute,
    /// which a hash cannot admit.
    /// </summary>
    public static readonly string Css = string.Concat(
        """
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 1.5rem 2rem;color:#1f2328;background:#fff}
        h1{font-size:1.4rem;margin:1rem 0 .2rem}
        h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
        nav a{margin-right:1rem}
        .sub,.note,small{color:#59636e}
        .counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.8rem 0}
        .count{border:1px solid #d1d9e0;border-radius:6px;padding:.2rem .6rem}
        .count b{font-size:1.1rem;margin-left:.3rem}
        .count.state{border-color:transparent}
        dl.health{display:grid;grid-template-columns:max-content auto;gap:.15rem 1rem;margin:.4rem 0}
        dl.health dt{font-weight:600}
        dl.health dd{margin:0}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d1d9e0;vertical-align:top}
        thead th{background:#f6f8fa;position:sticky;top:0;z-index:1}
        tr.group th{background:#eef1f5;font-weight:400;border-top:2px solid #d1d9e0}
        .alias{font-weight:600}
        tbody tr:nth-child(even){background:#fafbfc}
        tr.stale td{background:#fff8c5}
        .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
        .job-id{white-space:nowrap}
        .desc{min-width:10rem;max-width:24rem;overflow-wrap:anywhere}
        .err{color:#cf222e;overflow-wrap:anywhere}
        td.last-error{min-width:14rem;max-width:30rem}
        .ok{color:#1a7f37}
        .state{display:inline-block;color:#fff;border-radius:4px;padding:.05rem .45rem;font-size:12px;font-weight:600}
        .bar{width:8rem;height:.7rem;background:#d1d9e0;border-radius:3px;overflow:hidden;display:inline-block;vertical-align:middle}
        .fill{display:block;height:100%}
        .pct{margin-left:.4rem;font-variant-numeric:tabular-nums}
        .num{font-variant-numeric:tabular-nums;white-space:nowrap}
        .s-running{background-color:#1f6feb}
        .s-completed{background-color:#1a7f37}
        .s-failed{background-color:#cf222e}
        .s-cancelled{background-color:#6e7781}
        .s-pending{background-color:#9a6700}
        .s-unknown{background-color:#8250df}

        """,
        string.Concat(Enumerable.Range(0, 101).Select(i => string.Create(CultureInfo.InvariantCulture, $".w{i}{{width:{i}%}}"))));

    /// <summary>
    /// Nothing loads but the stylesheet above: no script, image, frame, form target or base URL, and no framing
    /// by other sites.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
