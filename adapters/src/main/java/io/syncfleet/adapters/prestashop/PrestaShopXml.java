package io.syncfleet.adapters.prestashop;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The Webservice's XML documents, {@code <prestashop><product>...</product></prestashop>}: parsed
 * without DTDs or external entities (the document comes from the network), edited field by field,
 * and written back. A multilingual field holds one {@code <language id="n">} per language [V].
 */
final class PrestaShopXml {
  private PrestaShopXml() {}

  /** A builder that refuses DTDs and external entities; factories are not thread-safe, so one per use. */
  private static DocumentBuilder builder() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be made safe", e);
    }
  }

  /** Parses a document; throws IllegalArgumentException when the bytes are not one. */
  static Document parse(byte[] bytes) {
    try {
      return builder().parse(new ByteArrayInputStream(bytes));
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("not an XML document: " + e.getMessage(), e);
    }
  }

  /** A new {@code <prestashop><resource/></prestashop>} document. */
  static Document create(String resource) {
    Document doc = builder().newDocument();
    Element root = doc.createElement("prestashop");
    doc.appendChild(root);
    root.appendChild(doc.createElement(resource));
    return doc;
  }

  /** The document's one entity, e.g. {@code <product>}; null when it has none. */
  static Element entity(Document doc) {
    for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  static byte[] write(Document doc) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write the XML document", e);
    }
  }

  /** The direct child element {@code name} of {@code parent}, created at the end when missing. */
  static Element child(Element parent, String name) {
    Element found = find(parent, name);
    if (found != null) {
      return found;
    }
    Element created = parent.getOwnerDocument().createElement(name);
    parent.appendChild(created);
    return created;
  }

  /** The direct child element {@code name}, or null. */
  static Element find(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The text of the direct child {@code name}, trimmed, or null when it is missing. */
  static String childText(Element parent, String name) {
    Element e = find(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }

  /** Sets a plain field, replacing what it held. */
  static void set(Element entity, String field, String value) {
    Element e = child(entity, field);
    removeChildren(e);
    e.setTextContent(value);
  }

  /**
   * Sets a multilingual field in {@code languages}; with none given, in every language the field
   * already holds. Other languages keep their text.
   */
  static void setLanguages(Element entity, String field, String value, Collection<String> languages) {
    Element e = child(entity, field);
    List<String> targets = new ArrayList<>(languages);
    if (targets.isEmpty()) {
      for (Element lang : children(e, "language")) {
        targets.add(lang.getAttribute("id"));
      }
    }
    for (String id : targets) {
      Element lang = null;
      for (Element candidate : children(e, "language")) {
        if (candidate.getAttribute("id").equals(id)) {
          lang = candidate;
        }
      }
      if (lang == null) {
        lang = e.getOwnerDocument().createElement("language");
        lang.setAttribute("id", id);
        e.appendChild(lang);
      }
      lang.setTextContent(value);
    }
  }

  /** The ids listed in {@code <associations><name><item><id>}; empty when there is no such list. */
  static List<String> associationIds(Element entity, String name) {
    List<String> ids = new ArrayList<>();
    Element associations = find(entity, "associations");
    Element list = associations == null ? null : find(associations, name);
    if (list != null) {
      for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element item) {
          String id = childText(item, "id");
          if (id != null && !id.isEmpty()) {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  /** Replaces {@code <associations><name>} with one {@code <item><id>} per id. */
  static void setAssociation(Element entity, String name, String item, List<String> ids) {
    Element list = child(child(entity, "associations"), name);
    removeChildren(list);
    for (String id : ids) {
      Element entry = entity.getOwnerDocument().createElement(item);
      set(entry, "id", id);
      list.appendChild(entry);
    }
  }

  /** Removes the direct children named {@code fields}. */
  static void remove(Element entity, Collection<String> fields) {
    for (String field : fields) {
      Element e = find(entity, field);
      if (e != null) {
        entity.removeChild(e);
      }
    }
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static void removeChildren(Element e) {
    while (e.getFirstChild() != null) {
      e.removeChild(e.getFirstChild());
    }
  }
}
