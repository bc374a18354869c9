package org.sinus.engine.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The reports' HTML blocks: escaping, pictures embedded as PNG data, the Markdown subset, the page. */
class HtmlTest {
  private static final Pattern DATA_URI = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  @Test
  void escapesMarkupAndQuotes() {
    assertThat(Html.escape("a < b && \"c\" > d")).isEqualTo("a &lt; b &amp;&amp; &quot;c&quot; &gt; d");
    assertThat(Html.pre("name = \"<x>\"")).isEqualTo("<pre>name = &quot;&lt;x&gt;&quot;</pre>\n");
  }

  @Test
  void aPictureIsEmbeddedAsAPngThatDecodesToIt() throws IOException {
    BufferedImage picture = new BufferedImage(7, 3, BufferedImage.TYPE_INT_RGB);
    picture.setRGB(2, 1, 0xFF0000);
    String img = Html.image("a \"red\" dot", picture);
    assertThat(img).startsWith("<img alt=\"a &quot;red&quot; dot\" src=\"data:image/png;base64,");
    BufferedImage decoded = decode(img);
    assertThat(decoded.getWidth()).isEqualTo(7);
    assertThat(decoded.getHeight()).isEqualTo(3);
    assertThat(decoded.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThatThrownBy(() -> Html.image("notes", "not a picture".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the picture 'notes' is not a PNG");
  }

  static BufferedImage decode(String html) throws IOException {
    Matcher data = DATA_URI.matcher(html);
    assertThat(data.find()).as("a PNG data URI in " + html.substring(0, Math.min(80, html.length()))).isTrue();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.group(1))));
    assertThat(image).as("decodes as an image").isNotNull();
    return image;
  }

  @Test
  void markdownTablesGetHeadersAndRightAlignedNumbers() {
    String html = Html.markdown("""
        # Comparison of 2 runs
        Baseline: q1 <fast>.

        | run | Δ macro AUC |
        |---|---:|
        | w1 & co | +0.0123 |
        """, 2, Map.of());
    assertThat(html).isEqualTo("""
        <h2>Comparison of 2 runs</h2>
        <p>Baseline: q1 &lt;fast&gt;.</p>
        <table>
        <tr><th>run</th><th class="num">Δ macro AUC</th></tr>
        <tr><td>w1 &amp; co</td><td class="num">+0.0123</td></tr>
        </table>
        """);
  }

  @Test
  void markdownListsHeadingsAndPictures() throws IOException {
    BufferedImage forest = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
    String html = Html.markdown("## Notes\n\n- one\n- two\n\n![The forest](forest.png)\n![Gone](gone.png)\n", 1,
        Map.of("forest.png", forest));
    assertThat(html).startsWith("<h2>Notes</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<img alt=\"The forest\"")
        .endsWith("<p class=\"missing\">Gone: the picture gone.png is not in this page</p>\n");
    assertThat(decode(html).getWidth()).isEqualTo(5);
    assertThat(Html.markdown("#hashtag and |pipes| inside", 1, Map.of()))
        .isEqualTo("<p>#hashtag and |pipes| inside</p>\n");
  }

  @Test
  void aPageIsSelfContained() {
    String page = Html.page("Run <q1>", ".x{color:red}", "<p>body</p>\n");
    assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>Run &lt;q1&gt;</title>\n<style>\n").contains(".x{color:red}\n</style>").contains("<p>body</p>")
        .contains("data-images-loaded").endsWith("</html>\n")
        .doesNotContain("http:").doesNotContain("https:").doesNotContain("<link").doesNotContain("src=\"http");
  }
}
