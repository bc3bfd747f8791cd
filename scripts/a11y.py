#!/usr/bin/python3
"""Finds widgets of a running app through the accessibility tree (AT-SPI) and
clicks them with real X input (xdotool), for scripts/realdialogs.sh.

WebKitGTK exposes the page's ARIA roles and names, so a button is found by its
name, as a user reads it, not by pixel coordinates that move with the layout.

  a11y.py click NAME [--role ROLE] [--app APP] [--timeout S]   click its centre
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


def showing(obj):
    try:
        st = obj.get_state_set()
        return st.contains(Atspi.StateType.SHOWING) and st.contains(Atspi.StateType.VISIBLE)
    except Exception:
        return False


def text_of(obj):
    try:
        t = obj.get_text_iface()
        return t.get_text(0, t.get_character_count()) if t is not None else ''
    except Exception:
        return ''


def find(name_re, role, app_name, by_text=False):
    pat = re.compile(name_re)
    for a in apps(app_name):
        for obj, _ in walk(a):
            try:
                label = text_of(obj) if by_text else obj.get_name()
                if not pat.fullmatch((label or '').strip()):
                    continue
                if role and obj.get_role_name() != role:
                    continue
            except Exception:
                continue
            if showing(obj):
                return obj
    return None


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
        obj = find(a.name, a.role, a.app, a.text)
        if a.cmd == 'gone':
            if obj is None:
                return 0
        elif obj is not None:
            if a.cmd == 'wait':
                return 0
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
