package org.zhicheng.documents.pdf;

/** Horizontal alignment of text in its box. */
public enum Align {
    LEFT, CENTRE, RIGHT
}
