#!/usr/bin/python3
"""Finds widgets of a running app through the accessibility tree (AT-SPI) and
clicks them with real X input (xdotool), for scripts/realdialogs.sh.

WebKitGTK exposes the page's ARIA roles and names, so a button is found by its
name, as a user reads it, not by pixel coordinates that move with the layout.

  a11y.py click NAME [--role ROLE] [--app APP] [--timeout S]   click its centre,
                                                               scrolled into view first
  a11y.py wait NAME [--role ROLE] [--app APP] [--timeout S]    wait until shown
  a11y.py gone NAME [--role ROLE] [--app APP] [--timeout S]    wait until gone
  a11y.py dump [--app APP]                                     print the tree

NAME is a regular expression matched against the whole accessible name, or
with --text against the whole text of an element (notifications, paragraphs).
Exit status 0 on success, 1 when nothing matched in time.
"""
import argparse
import re
import subprocess
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


def apps(app_name):
    desk = Atspi.get_desktop(0)
    for i in range(desk.get_child_count()):
        a = desk.get_child_at_index(i)
        if a is not None and (app_name is None or a.get_name() == app_name):
            yield a


def walk(obj, depth=0):
    yield obj, depth
    if depth > 60:
        return
    try:
        n = obj.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            c = obj.get_child_at_index(i)
        except Exception:
            continue
        if c is not None:
            yield from walk(c, depth + 1)


def role_enum(name):
    """'push button' → Atspi.Role.PUSH_BUTTON (None if there is no such role)."""
    return getattr(Atspi.Role, name.upper().replace(' ', '_'), None) if name else None


def page_matches(page, role):
    """The page's content with the role through its Collection interface;
    None without a role (a text search reads every node anyway) or when the
    page has no Collection."""
    wanted = role_enum(role)
    if wanted is None:
        return None
    rule = Atspi.MatchRule.new(Atspi.StateSet.new([]), Atspi.CollectionMatchType.ALL, {}, Atspi.CollectionMatchType.ALL,
                               [wanted], Atspi.CollectionMatchType.ANY, [], Atspi.CollectionMatchType.ALL, False)
    try:
        return Atspi.Collection.get_matches(page, rule, Atspi.CollectionSortOrder.CANONICAL, 0, True)
    except Exception:
        return None


def candidates(app, role):
    """The objects of an app (those with the role when one is given) in tree
    order. With a role, a web page's content comes from its Collection
    interface: one call instead of a walk of hundreds of nodes, each a few
    D-Bus round trips to the page's process."""
    stack = [app]
    while stack:
        obj = stack.pop()
        try:
            obj_role = obj.get_role_name()
        except Exception:
            continue
        if not role or obj_role == role:
            yield obj
        if obj_role == 'document web':
            found = page_matches(obj, role)
            if found is not None:
                yield from found
                continue
        try:
            kids = [obj.get_child_at_index(i) for i in range(obj.get_child_count())]
        except Exception:
            continue
        stack.extend(k for k in reversed(kids) if k is not None)


def showing(obj):
    try:
        st = obj.get_state_set()
        return st.contains(Atspi.StateType.SHOWING) and st.contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def offscreen(obj):
    """Rendered but scrolled out of view (a user would scroll to it)."""
    try:
        st = obj.get_state_set()
        return st.contains(Atspi.StateType.VISIBLE) and not st.contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def text_of(obj):
    try:
        if 'Text' not in obj.get_interfaces():
            return ''
        return Atspi.Text.get_text(obj, 0, Atspi.Text.get_character_count(obj))
    except Exception:
        return ''


def find(name_re, role, app_name, by_text=False, scrollable=False):
    """The first match on screen; with scrollable, else the first one
    scrolled out of view."""
    pat = re.compile(name_re)
    hidden = None
    for a in apps(app_name):
        for obj in candidates(a, role):
            try:
                label = text_of(obj) if by_text else obj.get_name()
                if not pat.fullmatch((label or '').strip()):
                    continue
            except Exception:
                continue
            if showing(obj):
                return obj
            if scrollable and hidden is None and offscreen(obj):
                hidden = obj
    return hidden


def centre(obj):
    ext = obj.get_extents(Atspi.CoordType.SCREEN)
    return ext.x + ext.width // 2, ext.y + ext.height // 2, ext


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cmd', choices=['click', 'wait', 'gone', 'dump'])
    p.add_argument('name', nargs='?', default='')
    p.add_argument('--role')
    p.add_argument('--app', default=None)
    p.add_argument('--timeout', type=float, default=30)
    p.add_argument('--text', action='store_true', help='match the text, not the name')
    a = p.parse_args()

    if a.cmd == 'dump':
        for ap in apps(a.app):
            for obj, d in walk(ap):
                try:
                    nm, rl = obj.get_name(), obj.get_role_name()
                except Exception:
                    continue
                if nm or d < 4:
                    flag = '' if showing(obj) else '  (hidden)'
                    print('  ' * d + f'{rl}: {nm!r}{flag}')
        return 0

    deadline = time.time() + a.timeout
    while True:
        obj = find(a.name, a.role, a.app, a.text, scrollable=a.cmd == 'click')
        if a.cmd == 'gone':
            if obj is None:
                return 0
        elif obj is not None:
            if a.cmd == 'wait':
                return 0
            if not showing(obj):
                # Below the fold of a dialog or pane: scroll it into view
                # (WebKitGTK does it as a user's scrolling would), look again.
                try:
                    obj.scroll_to(Atspi.ScrollType.ANYWHERE)
                except Exception:
                    pass
            else:
                x, y, ext = centre(obj)
                if ext.width > 0 and ext.height > 0:
                    subprocess.run(['xdotool', 'mousemove', str(x), str(y), 'sleep', '0.2',
                                    'mousedown', '1', 'sleep', '0.1', 'mouseup', '1'], check=True)
                    return 0
        if time.time() > deadline:
            what = f"{a.role or 'widget'} named /{a.name}/"
            print(f"a11y: no {what} {'left' if a.cmd == 'gone' else 'showing'} after {a.timeout:g} s", file=sys.stderr)
            return 1
        time.sleep(0.3)


if __name__ == '__main__':
    sys.exit(main())
