package org.docbench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void aHeadingThatRepeatsTheTitle_isOneHeadline() {
        String page = "<html><head><title>County ends jail deal</title></head><body><h1>County ends jail deal</h1>"
                + "<p>The board voted.</p></body></html>";
        assertEquals("County ends jail deal\n\nThe board voted.\n", HtmlText.toText(page));
    }

    @Test
    void aHeadingThatDiffersFromTheTitle_staysBesideIt() {
        String page = "<html><head><title>News site</title></head><body><h1>County ends jail deal</h1>"
                + "<p>The board voted.</p></body></html>";
        assertEquals("News site\n\nCounty ends jail deal\n\nThe board voted.\n", HtmlText.toText(page));
    }

    @Test
    void aPageOfItsTitleAlone_isTheTitle() {
        assertEquals("Only this\n", HtmlText.toText("<html><head><title>Only this</title></head><body><h1>Only this</h1></body></html>"));
    }

    @Test
    void tableCells_areApartByASpace_notGluedIntoOneWord() {
        String page = "<html><body><table><tr><th>County</th><th>Program</th></tr><tr><td>Sanctuary</td><td>cities</td></tr>"
                + "</table><p>The board voted.</p></body></html>";
        assertEquals("County Program\n\nSanctuary cities\n\nThe board voted.\n", HtmlText.toText(page));
    }

    @Test
    void buttonsAndMenus_outsideAForm_areDropped() {
        String page = "<html><body><button>Share</button><select><option>News</option><option>Sports</option></select>"
                + "<p>The board voted.</p></body></html>";
        assertEquals("The board voted.\n", HtmlText.toText(page));
    }
}
