using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace IndustryCopilot.Server.Composition;

/// <summary>
/// The chat UI: plain files from <c>webui/</c> beside the program (no CDN, no build step), served before
/// authentication — the page itself holds nothing; every call it makes carries the user's key.
/// </summary>
internal static class WebUi
{
    public static IApplicationBuilder UseWebUi(this IApplicationBuilder app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "webui");
        if (!Directory.Exists(folder))
        {
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // pdf.js's character maps (Chinese PDFs) and standard fonts have extensions the default table does not know.
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".bcmap"] = "application/octet-stream";
        types.Mappings[".pfb"] = "application/octet-stream";
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            // Plants update the server in place; a stale cached script against a new API is worse than a re-fetch.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
